package org.powledger.domain.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The full-text search of exchanges: which words a record offers (notes, ref, source titles and
 * publishers) and how a query matches them (every query word is the start of some record word,
 * ignoring case and diacritics: {@code zmii} finds "Zmiïnyi"). Every store indexes and matches with
 * these same rules, so folding here, on both the record's words and the query's, is the only place
 * it happens.
 */
public final class SearchWords {

    public static final int MAX_QUERY_WORDS = 10;

    /** Combining marks left by canonical decomposition: "ï" becomes "i" followed by one of these. */
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{Mn}+");

    private SearchWords() {
    }

    public static Set<String> of(Exchange exchange) {
        Set<String> words = new LinkedHashSet<>();
        words.addAll(split(exchange.notes()));
        words.addAll(split(exchange.ref()));
        for (Source source : exchange.sources()) {
            words.addAll(split(source.title()));
            words.addAll(split(source.publisher()));
        }
        return words;
    }

    /**
     * The words of a {@code q} parameter; an empty list when {@code q} is absent or blank. A {@code q}
     * with text but no word ({@code "*"}, {@code "%"}, {@code "-"}) is refused: matching it as no
     * filter at all would silently answer with the whole ledger.
     */
    public static List<String> ofQuery(String q) {
        List<String> words = split(q);
        if (words.isEmpty() && q != null && !q.isBlank()) {
            throw new InvalidQuery("q", "has no word to search for (letters or digits)");
        }
        if (words.size() > MAX_QUERY_WORDS) {
            throw new InvalidQuery("q", "must have at most " + MAX_QUERY_WORDS + " words");
        }
        return words;
    }

    public static boolean matches(Exchange exchange, List<String> queryWords) {
        Set<String> words = of(exchange);
        return queryWords.stream().allMatch(q -> words.stream().anyMatch(w -> w.startsWith(q)));
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || isMarkInsideWord(cp, word)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(normalise(word));
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(normalise(word));
        }
        return words;
    }

    /** A combining mark typed after its letter ("i" + U+0308) belongs to the word, not a separator. */
    private static boolean isMarkInsideWord(int cp, StringBuilder word) {
        return word.length() > 0 && Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static String normalise(StringBuilder word) {
        String w = fold(word);
        return w.length() > 100 ? w.substring(0, 100) : w;
    }

    /**
     * A word in lower case without diacritics: decomposed (NFD), then stripped of its combining marks.
     * Public for a store whose index was written before words were folded, to fold it in place.
     */
    public static String fold(CharSequence word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}

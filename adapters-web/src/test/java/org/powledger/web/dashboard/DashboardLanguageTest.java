package org.powledger.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.web.ApiTest;
import org.powledger.web.PageChecks;
import org.powledger.web.i18n.Language;
import org.powledger.web.i18n.Languages;

/**
 * The dashboard and the editor in English and Ukrainian: each page written once, its words from one
 * file per language shared by both, chosen from the browser's Accept-Language. What the scripts show is
 * checked in a real browser (DashboardInBrowserTest and EditorBrowserTest in the bootstrap module);
 * this checks the files and the served pages.
 */
class DashboardLanguageTest extends ApiTest {

    /** A single- or double-quoted string literal of a script. */
    static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A word as prose writes it (not an id, a class, a key or a path). */
    static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]+[.,:;!?…]*");
    /** The literals of the scripts that look like words but are protocol (headers) or selectors, not prose. */
    static final Set<String> NOT_PROSE = Set.of("use strict", "Bearer ", "https:", "http:", "noopener noreferrer nofollow",
            "Content-Type", "If-Match", "Location", "input, select, textarea");
    /** Text between tags, and the words an attribute can hold. */
    static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
    static final Pattern WORDY_ATTRIBUTE = Pattern.compile("\\s(?:aria-label|title|alt|placeholder)=\"([^\"]*)\"");

    private final Languages languages = Languages.load();

    @Test
    void there_are_english_and_ukrainian_and_english_is_the_default() {
        assertThat(languages.all()).extracting(Language::code).startsWith("en").contains("uk");
        assertThat(languages.defaultLanguage().code()).isEqualTo("en");
    }

    @Test
    void every_key_is_in_every_language_file_in_the_same_shape() {
        Language english = languages.defaultLanguage();
        for (Language language : languages.all()) {
            assertThat(language.keys()).as(language.code() + ".json keys").isEqualTo(english.keys());
            for (String key : english.keys()) {
                Object theirs = language.strings().get(key);
                Object ours = english.strings().get(key);
                assertThat(theirs instanceof Map).as(language.code() + ": " + key + " has plural forms as in en.json")
                        .isEqualTo(ours instanceof Map);
                if (theirs instanceof Map<?, ?> forms) {
                    Set<String> forms2 = new HashSet<>();
                    forms.keySet().forEach(form -> forms2.add(String.valueOf(form)));
                    assertThat(forms2).as(language.code() + ": " + key).contains("one", "other")
                            .isSubsetOf("zero", "one", "two", "few", "many", "other");
                }
                assertThat(placeholders(theirs)).as(language.code() + ": the placeholders of " + key)
                        .isEqualTo(placeholders(ours));
            }
        }
    }

    @Test
    void every_key_the_page_and_the_script_use_is_in_the_files() {
        Set<String> keys = languages.defaultLanguage().keys();
        Set<String> used = new HashSet<>();
        Matcher marks = Pattern.compile("data-i18n=\"([^\"]+)\"|:([a-z]+\\.[a-zA-Z.]+)\"")
                .matcher(DashboardTest.resource("index.html"));
        while (marks.find()) {
            used.add(marks.group(1) != null ? marks.group(1) : marks.group(2));
        }
        for (String literal : literals(DashboardTest.resource("dashboard.js"))) {
            if (literal.matches("[a-z]+\\.[a-zA-Z]+") && !literal.startsWith("powledger.")) {
                used.add(literal);
            }
        }

        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys).containsAll(used);
    }

    @ParameterizedTest
    @CsvSource({
            "uk, uk",
            "'uk-UA,uk;q=0.9,en-US;q=0.8,en;q=0.7', uk",
            "'ru,uk;q=0.8', uk",
            "en, en",
            "'en-GB,en;q=0.9', en",
            "'de-DE,de;q=0.9', en",
            "'*', en",
            "';;q=x', en",
    })
    void the_page_is_in_the_language_the_browser_prefers(String acceptLanguage, String expected) {
        api(client -> {
            Reply reply = client.get("/").header("Accept-Language", acceptLanguage).send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("<html lang=\"" + expected + "\">");
            assertThat(reply.header("Vary")).contains("Accept-Language");
        });
    }

    @Test
    void the_page_without_accept_language_is_english() {
        api(client -> assertThat(client.get("/").send().body()).contains("<html lang=\"en\">", ">Year by year<"));
    }

    @ParameterizedTest
    @CsvSource({"/, en", "/, uk", "/edit, en", "/edit, uk", "/edit/exchanges/new, uk"})
    void the_page_is_wholly_in_one_language(String path, String code) {
        Language language = languages.all().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        Set<String> names = new HashSet<>();
        languages.all().forEach(l -> names.add(l.name()));
        api(client -> {
            String page = client.get(path).header("Accept-Language", code).send().body();

            List<String> shown = new ArrayList<>();
            Matcher text = TEXT_NODE.matcher(page.replaceAll("(?s)<script.*?</script>", ""));
            while (text.find()) {
                if (!text.group(1).isBlank()) {
                    shown.add(unescape(text.group(1).strip()));
                }
            }
            Matcher attributes = WORDY_ATTRIBUTE.matcher(page);
            while (attributes.find()) {
                shown.add(unescape(attributes.group(1)));
            }

            assertThat(shown).hasSizeGreaterThan(path.equals("/") ? 30 : 10);
            // every text is one of the language's strings, or a language's own name on the switch
            assertThat(shown).allSatisfy(piece -> assertThat(names.contains(piece) || isTextOf(language, piece))
                    .as("'" + piece + "' comes from " + code + ".json").isTrue());
            assertThat(page).contains("<html lang=\"" + code + "\">",
                    language.text(path.equals("/") ? "yearly.title" : "editor.token.label"));
        });
    }

    @Test
    void the_language_files_and_their_script_are_served_to_the_page_and_nothing_else_under_i18n() {
        api(client -> {
            for (Language language : languages.all()) {
                Reply reply = client.get("/i18n/" + language.code() + ".json").send();
                assertThat(reply.status()).isEqualTo(200);
                assertThat(PageChecks.normalised(reply.contentType())).isEqualTo("application/json; charset=utf-8");
                assertThat(reply.json().get("language.name").asText()).isEqualTo(language.name());
                PageChecks.assertSecurityHeaders(reply);
            }
            Reply script = client.get("/i18n/i18n.js").send();
            assertThat(script.status()).isEqualTo(200);
            assertThat(PageChecks.normalised(script.contentType())).isEqualTo("text/javascript; charset=utf-8");
            assertThat(client.call("HEAD", "/i18n/uk.json").send().header("ETag")).matches("\"[0-9a-f]{24}\"");

            Reply missing = client.get("/i18n/fr.json").send();
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(client.get("/i18n/..%2Fdashboard%2Findex.html").send().status()).isEqualTo(404);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard/index.html", "/editor/index.html"})
    void the_template_itself_holds_no_words(String page) {
        String template = DashboardTest.resource(page).replaceAll("(?s)<script.*?</script>", "");

        Matcher text = TEXT_NODE.matcher(template);
        while (text.find()) {
            assertThat(text.group(1).strip()).as("text outside the language files").isIn("", "{{languages}}");
        }
        assertThat(WORDY_ATTRIBUTE.matcher(template).find()).as("an attribute with words in the template").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dashboard.js", "/i18n/i18n.js", "/editor/editor.js"})
    void the_scripts_write_no_words_of_their_own(String script) {
        List<String> prose = prose(DashboardTest.resource(script));

        assertThat(prose).as("words written in " + script + " instead of the language files").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "el('p', { text: 'No years to show.' })",
            "setStatus('Loading…')",
            "caption(\"People returned each month\")",
            "td(x.kind === 'bodies' ? 'Bodies' : 'People')",
    })
    void the_scan_for_words_catches_a_planted_one(String planted) {
        assertThat(prose(DashboardTest.resource("dashboard.js") + "\n" + planted + ";\n")).isNotEmpty();
    }

    // --- helpers

    static List<String> literals(String script) {
        String code = script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "")
                .replaceAll("(?m)\\s//\\s.*$", "");
        List<String> found = new ArrayList<>();
        Matcher matcher = LITERAL.matcher(code);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return found;
    }

    /**
     * The literals of a script that read as prose: one that begins with a capitalised word ("Bodies",
     * "No years"), ends a sentence ("to show."), or runs three plain words; not a class list
     * ("small muted"), an id, a key or a path.
     */
    static List<String> prose(String script) {
        return literals(script).stream().filter(literal -> !NOT_PROSE.contains(literal)).filter(literal -> {
            String[] tokens = literal.strip().split("\\s+");
            long words = Arrays.stream(tokens).filter(token -> WORD.matcher(token).matches()).count();
            return tokens[0].matches("[A-Z][a-z]+.*") || words >= 3
                    || (words >= 1 && literal.strip().matches(".*[a-z][.…!?:]$"));
        }).toList();
    }

    static boolean isTextOf(Language language, String piece) {
        return language.keys().stream().anyMatch(key -> language.has(key) && textOf(language, key).equals(piece));
    }

    private static String textOf(Language language, String key) {
        try {
            return language.text(key);
        } catch (IllegalStateException notAText) {
            return "";
        }
    }

    static Set<String> placeholders(Object value) {
        Set<String> found = new HashSet<>();
        List<Object> texts = value instanceof Map<?, ?> forms ? new ArrayList<>(forms.values()) : List.of(value);
        for (Object text : texts) {
            Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(String.valueOf(text));
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}

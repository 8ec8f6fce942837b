package org.powledger.web.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page written once for every language. The template holds no words: an element that shows text
 * is marked {@code data-i18n="key"} and left empty ({@code <h2 data-i18n="summary.title"></h2>}), an
 * attribute that holds words is named in {@code data-i18n-attr="aria-label:window.label"}, the
 * {@code <html>} element says {@code lang="{{lang}}"}, and {@code {{languages}}} stands where the
 * language switch goes. Rendering fills them in one language; the page's script fills the same marks
 * again when the reader switches, from the same file ({@code i18n.js}).
 */
public final class PageTemplate {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern TEXT = Pattern.compile("\\sdata-i18n=\"([^\"]+)\"");
    private static final Pattern ATTRIBUTES = Pattern.compile("\\sdata-i18n-attr=\"([^\"]+)\"");
    private static final Pattern LEFT_OVER = Pattern.compile("\\{\\{[^}]*}}");

    private final String template;

    public PageTemplate(String template) {
        this.template = template;
    }

    /** The page in language, with a switch to every one of languages. */
    public String render(Language language, Languages languages) {
        String page = template.replace("{{lang}}", language.code())
                .replace("{{languages}}", languageSwitch(language, languages));
        Matcher tags = TAG.matcher(page);
        StringBuilder out = new StringBuilder(page.length() + 4096);
        while (tags.find()) {
            String tag = tags.group();
            Matcher attributes = ATTRIBUTES.matcher(tag);
            if (attributes.find()) {
                StringBuilder added = new StringBuilder();
                for (String pair : attributes.group(1).split(";")) {
                    String[] nameAndKey = pair.split(":", 2);
                    if (nameAndKey.length != 2) {
                        throw new IllegalStateException("data-i18n-attr wants attribute:key, not '" + pair + "'");
                    }
                    added.append(' ').append(nameAndKey[0].strip()).append("=\"")
                            .append(escape(language.text(nameAndKey[1].strip()))).append('"');
                }
                tag = tag.substring(0, tag.length() - 1) + added + ">";
            }
            Matcher text = TEXT.matcher(tag);
            if (text.find()) {
                tag = tag + escape(language.text(text.group(1)));
            }
            tags.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        tags.appendTail(out);
        Matcher leftOver = LEFT_OVER.matcher(out);
        if (leftOver.find()) {
            throw new IllegalStateException("The page template has an unknown placeholder " + leftOver.group());
        }
        return out.toString();
    }

    /** One button per language, each named in its own language; the page's language is pressed. */
    private static String languageSwitch(Language shown, Languages languages) {
        StringBuilder nav = new StringBuilder("<nav class=\"languages\" data-i18n-attr=\"aria-label:language.switch\">");
        for (Language language : languages.all()) {
            nav.append("<button type=\"button\" class=\"language\" lang=\"").append(language.code())
                    .append("\" data-language=\"").append(language.code()).append("\" aria-pressed=\"")
                    .append(language.code().equals(shown.code())).append("\">").append(escape(language.name()))
                    .append("</button>");
        }
        return nav.append("</nav>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

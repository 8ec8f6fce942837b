package org.powledger.web.i18n;

import java.util.Map;
import java.util.Set;

/**
 * One language of the pages: its code ({@code uk}), its strings as the file {@code /i18n/CODE.json}
 * gives them (a key to a text, or to plural forms keyed {@code one}, {@code few}, {@code many},
 * {@code other}), and that file's bytes, served as they are to the pages' script.
 */
public record Language(String code, Map<String, Object> strings, byte[] file) {

    /** The key that holds the language's name in its own language, shown on the switch. */
    static final String NAME = "language.name";

    public Language {
        strings = Map.copyOf(strings);
    }

    public String name() {
        return text(NAME);
    }

    public Set<String> keys() {
        return strings.keySet();
    }

    public boolean has(String key) {
        return strings.containsKey(key);
    }

    /** The text of key; for plural forms, the general one ({@code other}), as a page written without a count. */
    public String text(String key) {
        Object value = strings.get(key);
        if (value instanceof Map<?, ?> forms) {
            value = forms.get("other");
        }
        if (!(value instanceof String text)) {
            throw new IllegalStateException("The language file " + code + ".json has no text for '" + key + "'");
        }
        return text;
    }
}

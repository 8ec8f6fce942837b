package org.powledger.domain.model;

/** Rules shared by the ledger's free-text fields. */
public final class Text {

    private Text() {
    }

    /** Null stays null; blank becomes null; otherwise trimmed. */
    public static String optional(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static void checkLength(Violations v, String value, int max, String pointer) {
        if (value != null) {
            v.check(value.length() <= max, pointer, "must be at most " + max + " characters");
            v.check(value.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'),
                    pointer, "must not contain control characters");
        }
    }

    public static void checkRequired(Violations v, String value, int max, String pointer) {
        if (value == null || value.isBlank()) {
            v.add(pointer, "is required");
        } else {
            checkLength(v, value, max, pointer);
        }
    }
}

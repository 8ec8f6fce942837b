package org.powledger.domain.model;

import java.util.regex.Pattern;

/** The shape of client-chosen ids (units, cohorts): lowercase letters, digits and hyphens. */
public final class Slug {

    public static final String RULE = "must match ^[a-z0-9][a-z0-9-]{0,62}$";
    private static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private Slug() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    static String require(String value, String pointer) {
        if (!isValid(value)) {
            throw InvalidRecord.of(pointer, value == null ? "is required" : RULE);
        }
        return value;
    }
}

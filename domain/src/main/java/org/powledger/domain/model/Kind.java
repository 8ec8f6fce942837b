package org.powledger.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** What came home in an exchange: living people, or the bodies of the dead. */
public enum Kind {
    PRISONERS("prisoners"),
    BODIES("bodies");

    private final String wireName;

    Kind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Kind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
    }
}

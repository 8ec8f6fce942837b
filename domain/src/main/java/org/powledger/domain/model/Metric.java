package org.powledger.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** What a published figure counts. */
public enum Metric {
    EXCHANGES("exchanges"),
    PEOPLE_RETURNED("peopleReturned"),
    BODIES_RETURNED("bodiesReturned"),
    FIRST_TIME_UNITS("firstTimeUnits");

    private final String wireName;

    Metric(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Metric> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }
}

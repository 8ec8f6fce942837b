package org.powledger.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do; each scope includes the ones before it. */
public enum AccessScope {
    READ("read"), WRITE("write"), ADMIN("admin");

    private final String wireName;

    AccessScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allows(AccessScope needed) {
        return compareTo(needed) >= 0;
    }

    public static Optional<AccessScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}

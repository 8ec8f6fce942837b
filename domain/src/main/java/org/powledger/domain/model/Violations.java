package org.powledger.domain.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every problem found while checking a record, so that a client hears about all of them at
 * once. Keeps the first message per pointer: a missing field is not also reported as malformed.
 */
public final class Violations {

    private final Map<String, Violation> byPointer = new LinkedHashMap<>();

    public Violations add(String pointer, String message) {
        byPointer.putIfAbsent(pointer, Violation.at(pointer, message));
        return this;
    }

    public Violations check(boolean condition, String pointer, String message) {
        return condition ? this : add(pointer, message);
    }

    /** Builds a nested record, collecting its problems under {@code prefix} instead of stopping. */
    public <T> Optional<T> attempt(String prefix, Supplier<T> build) {
        try {
            return Optional.ofNullable(build.get());
        } catch (InvalidRecord invalid) {
            invalid.violations().forEach(v -> byPointer.putIfAbsent(key(v.under(prefix)), v.under(prefix)));
            return Optional.empty();
        }
    }

    public boolean isEmpty() {
        return byPointer.isEmpty();
    }

    public List<Violation> list() {
        return new ArrayList<>(byPointer.values());
    }

    public void throwIfAny() {
        if (!byPointer.isEmpty()) {
            throw new InvalidRecord(list());
        }
    }

    private static String key(Violation v) {
        return v.pointer() != null ? v.pointer() : "?" + v.parameter();
    }
}

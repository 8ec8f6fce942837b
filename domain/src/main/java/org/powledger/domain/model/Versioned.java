package org.powledger.domain.model;

import java.time.Instant;

/** A unit or cohort as stored: its value with the version that {@code If-Match} names. */
public record Versioned<T>(T value, int version, Instant createdAt, Instant updatedAt) {

    public static <T> Versioned<T> first(T value, Instant at) {
        return new Versioned<>(value, 1, at, at);
    }

    public Versioned<T> replacedBy(T next, Instant at) {
        return new Versioned<>(next, version + 1, createdAt, at);
    }
}

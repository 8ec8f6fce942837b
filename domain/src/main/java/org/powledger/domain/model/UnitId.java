package org.powledger.domain.model;

/** A military unit's client-chosen slug, such as {@code tro}. */
public record UnitId(String value) implements Comparable<UnitId> {

    public UnitId {
        Slug.require(value, "");
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public int compareTo(UnitId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

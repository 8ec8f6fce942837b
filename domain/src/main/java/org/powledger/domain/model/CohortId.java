package org.powledger.domain.model;

/** A cohort's client-chosen slug, such as {@code azovstal}. */
public record CohortId(String value) implements Comparable<CohortId> {

    public CohortId {
        Slug.require(value, "");
    }

    public static CohortId of(String value) {
        return new CohortId(value);
    }

    @Override
    public int compareTo(CohortId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

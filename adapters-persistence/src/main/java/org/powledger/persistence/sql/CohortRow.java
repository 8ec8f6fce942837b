package org.powledger.persistence.sql;

/** A row of {@code cohort}. */
record CohortRow(String id, String name, Integer size, boolean sizeApproximate, String description, int version,
                 String createdAt, String updatedAt) {
}

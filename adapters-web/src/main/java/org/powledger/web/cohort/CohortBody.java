package org.powledger.web.cohort;

/**
 * A cohort as a client sends it. {@code id} (when given, it must match the path), {@code version},
 * {@code createdAt} and {@code updatedAt} are read-only: accepted so that what a GET answered can
 * be sent back, and otherwise ignored.
 */
record CohortBody(String id, String name, Integer size, Boolean sizeApproximate, String description,
                  Integer version, String createdAt, String updatedAt) {
}

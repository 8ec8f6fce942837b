package org.powledger.web.cohort;

import java.time.Instant;

/** A cohort as the API shows it. */
record CohortView(String id, String name, Integer size, boolean sizeApproximate, String description, int version,
                  Instant createdAt, Instant updatedAt) {
}

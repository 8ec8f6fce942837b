package org.powledger.web.unit;

import java.time.Instant;

/** A unit as the API shows it. */
record UnitView(String id, String name, String parent, int version, Instant createdAt, Instant updatedAt) {
}

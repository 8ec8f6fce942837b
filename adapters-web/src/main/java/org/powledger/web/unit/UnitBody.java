package org.powledger.web.unit;

/**
 * A unit as a client sends it. {@code id} (when given, it must match the path), {@code version},
 * {@code createdAt} and {@code updatedAt} are read-only: accepted so that what a GET answered can
 * be sent back, and otherwise ignored.
 */
record UnitBody(String id, String name, String parent, Integer version, String createdAt, String updatedAt) {
}

package org.powledger.persistence.sql;

/** A row of {@code unit}. */
record UnitRow(String id, String name, String parentId, int version, String createdAt, String updatedAt) {
}

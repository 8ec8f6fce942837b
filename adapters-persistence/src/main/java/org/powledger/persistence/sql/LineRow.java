package org.powledger.persistence.sql;

/** A row of {@code breakdown_line}. */
record LineRow(String exchangeId, int position, String unitId, String cohortId, int count) {
}

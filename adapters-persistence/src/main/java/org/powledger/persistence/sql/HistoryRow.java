package org.powledger.persistence.sql;

/** A row of {@code exchange_history}; {@code snapshot} is the record as it was, as JSON. */
record HistoryRow(String exchangeId, int version, String action, String at, String actor, String snapshot) {
}

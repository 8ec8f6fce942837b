package org.powledger.persistence.sql;

/** A row of {@code exchange_mediator}; {@code nameKey} is the lower-cased name the filter compares. */
record MediatorRow(String exchangeId, int position, String name, String nameKey) {
}

package org.powledger.persistence.sql;

/** A row of {@code idempotency_key}. */
record IdempotencyRow(String key, String fingerprint, String exchangeId, String at) {
}

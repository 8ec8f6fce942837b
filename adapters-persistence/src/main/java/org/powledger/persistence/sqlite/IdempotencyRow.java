package org.powledger.persistence.sqlite;

/** A row of {@code idempotency_key}. */
record IdempotencyRow(String key, String fingerprint, String recordId, String at) {
}

package org.powledger.persistence.sqlite;

/** A row of {@code token}. */
record TokenRow(String name, String scope, String hash, String createdAt) {
}

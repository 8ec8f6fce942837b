package org.powledger.persistence.sql;

/** A row of {@code token}. */
record TokenRow(String name, String scope, String hash, String createdAt) {
}

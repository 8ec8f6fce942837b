package org.powledger.persistence.sqlite;

/** A row of {@code exchange_source}. */
record SourceRow(String exchangeId, int position, String url, String title, String publisher, String publishedOn) {
}

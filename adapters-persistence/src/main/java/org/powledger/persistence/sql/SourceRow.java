package org.powledger.persistence.sql;

/** A row of {@code exchange_source}. */
record SourceRow(String exchangeId, int position, String url, String title, String publisher, String publishedOn) {
}

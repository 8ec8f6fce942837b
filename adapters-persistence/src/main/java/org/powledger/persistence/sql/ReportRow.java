package org.powledger.persistence.sql;

/** A row of {@code report}: the scope and the source spread over columns. */
record ReportRow(String id, long sequence, Integer scopeYear, String scopeCohort, String scopeUnit,
                 String scopeExchange, String metric, long value, boolean approximate, String asOf,
                 String sourceUrl, String sourceTitle, String sourcePublisher, String sourcePublishedOn,
                 String notes, int version, String createdAt) {
}

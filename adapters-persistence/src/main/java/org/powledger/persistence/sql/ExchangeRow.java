package org.powledger.persistence.sql;

/** A row of {@code exchange}: the record without its lists. */
record ExchangeRow(String id, long sequence, String ref, String date, String kind, String operation, int returned,
                   Integer handedOver, Integer civilians, String notes, int version, String createdAt,
                   String updatedAt) {
}

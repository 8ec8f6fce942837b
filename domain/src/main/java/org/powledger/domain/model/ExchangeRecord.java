package org.powledger.domain.model;

import java.time.Instant;

/**
 * An exchange as the ledger holds it: its id, its place in recording order ({@code sequence},
 * kept when the record is replaced), its version and timestamps.
 */
public record ExchangeRecord(ExchangeId id, long sequence, int version, Instant createdAt, Instant updatedAt,
                             Exchange exchange) {

    public ExchangeRecord replacedBy(Exchange next, Instant at) {
        return new ExchangeRecord(id, sequence, version + 1, createdAt, at, next);
    }
}

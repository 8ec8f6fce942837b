package org.powledger.domain.model;

import java.time.Instant;

/** A report as stored; reports are never replaced, so their version stays 1. */
public record ReportRecord(ReportId id, long sequence, Instant createdAt, Report report) {

    public int version() {
        return 1;
    }
}

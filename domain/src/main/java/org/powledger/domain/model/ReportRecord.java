package org.powledger.domain.model;

import java.time.Instant;

/**
 * A report as stored: its id, its place in recording order ({@code sequence}, kept when an import
 * replaces it), its version (1 when added, one more each time it is replaced) and when it was added.
 */
public record ReportRecord(ReportId id, long sequence, int version, Instant createdAt, Report report) {

    /** A report as first added: version 1. */
    public ReportRecord(ReportId id, long sequence, Instant createdAt, Report report) {
        this(id, sequence, 1, createdAt, report);
    }

    /** The next version of this report: same id, place and creation time, other content. */
    public ReportRecord replacedBy(Report next) {
        return new ReportRecord(id, sequence, version + 1, createdAt, next);
    }
}

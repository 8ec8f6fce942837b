package org.powledger.domain.port.in;

import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;

/** Keeping the figures officials announce: record, read, list, delete. */
public interface KeepingReports {

    /** Records a report; a {@code ref} already used by another report is a {@code Conflict} naming it. */
    ReportRecord record(ReportDraft draft, Actor actor);

    /**
     * Records a report once per {@code Idempotency-Key}: a repeat with the same fingerprint answers the
     * first report ({@code replayed}), the same key with another fingerprint is an {@code InvalidRecord}.
     */
    Recorded record(ReportDraft draft, Actor actor, String idempotencyKey, String fingerprint);

    /** A report as an idempotent create answered it: just now, or earlier ({@code replayed}). */
    record Recorded(ReportRecord record, boolean replayed) {
    }

    ReportRecord get(ReportId id);

    Page<ReportRecord> list(PageRequest page);

    void delete(ReportId id, Actor actor);
}

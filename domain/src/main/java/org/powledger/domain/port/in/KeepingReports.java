package org.powledger.domain.port.in;

import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;

/** Keeping the figures officials announce: record, read, list, delete. */
public interface KeepingReports {

    ReportRecord record(ReportDraft draft, Actor actor);

    ReportRecord get(ReportId id);

    Page<ReportRecord> list(PageRequest page);

    void delete(ReportId id, Actor actor);
}

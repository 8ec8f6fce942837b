package org.powledger.application.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.powledger.application.LedgerReferences;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.port.in.KeepingReports;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.out.LedgerStore;

/** Keeping published figures; a report may only name a unit, cohort or exchange the ledger holds. */
public final class ReportService implements KeepingReports {

    private final LedgerStore store;
    private final Clock clock;
    private final LedgerReferences references;

    public ReportService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.references = new LedgerReferences(store);
    }

    @Override
    public ReportRecord record(ReportDraft draft, Actor actor) {
        Report report = draft.toReport(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return store.transactions().write(() -> {
            references.requireExist(report.scope());
            return store.reports().add(ReportId.random(), report, clock.instant());
        });
    }

    @Override
    public ReportRecord get(ReportId id) {
        return store.transactions().read(() -> store.reports().byId(id))
                .orElseThrow(() -> new NotFound("report", id.value()));
    }

    @Override
    public Page<ReportRecord> list(PageRequest page) {
        return store.transactions().read(() -> store.reports().list(page));
    }

    @Override
    public void delete(ReportId id, Actor actor) {
        store.transactions().write(() -> {
            get(id);
            store.reports().remove(id);
        });
    }
}

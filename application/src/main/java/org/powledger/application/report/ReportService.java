package org.powledger.application.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.powledger.application.IdempotentCreates;
import org.powledger.application.LedgerReferences;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.IdempotentRequest;
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
    private final IdempotentCreates idempotent;

    public ReportService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.references = new LedgerReferences(store);
        this.idempotent = new IdempotentCreates(store, clock);
    }

    @Override
    public ReportRecord record(ReportDraft draft, Actor actor) {
        Report report = validated(draft);
        return store.transactions().write(() -> add(ReportId.random(), report));
    }

    @Override
    public Recorded record(ReportDraft draft, Actor actor, String idempotencyKey, String fingerprint) {
        Report report = validated(draft);
        String key = IdempotentRequest.scopedToReports(actor.name(), idempotencyKey);
        return store.transactions().write(() -> {
            IdempotentCreates.Outcome<ReportRecord> outcome = idempotent.create(key, fingerprint,
                    () -> add(ReportId.random(), report), r -> r.id().value(), this::firstAnswer);
            return new Recorded(outcome.record(), outcome.replayed());
        });
    }

    /** The report a key created, as it is now (reports are not replaced by a PUT); gone if deleted since. */
    private ReportRecord firstAnswer(String id) {
        return store.reports().byId(ReportId.of(id)).orElseThrow(() -> new NotFound("report", id));
    }

    /** Checks a draft by its own rules and the clock, listing its unknown references with any other problem. */
    public Report validated(ReportDraft draft) {
        return references.checked(draft, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Adds a checked report under a given id; the caller holds the write transaction. */
    public ReportRecord add(ReportId id, Report report) {
        references.requireExist(report.scope());
        requireRefFree(report.ref(), null);
        return store.reports().add(id, report, clock.instant());
    }

    /** Stores the next version of a report (an import's update); the caller holds the write transaction. */
    public ReportRecord replace(ReportRecord current, Report report) {
        references.requireExist(report.scope());
        requireRefFree(report.ref(), current.id());
        ReportRecord next = current.replacedBy(report);
        store.reports().replace(next);
        return next;
    }

    /** The one check of a report's {@code ref}: 409 naming the report that holds it. */
    private void requireRefFree(String ref, ReportId self) {
        if (ref == null) {
            return;
        }
        store.reports().byRef(ref).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new Conflict("ref '" + ref + "' is already used by report " + other.id(), other.id().value());
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

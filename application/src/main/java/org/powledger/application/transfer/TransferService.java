package org.powledger.application.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.powledger.application.LedgerReferences;
import org.powledger.application.cohort.CohortService;
import org.powledger.application.exchange.ExchangeService;
import org.powledger.application.unit.UnitService;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.CohortDraft;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.ImportRejected;
import org.powledger.domain.port.in.ImportRejected.LineProblem;
import org.powledger.domain.port.in.LedgerDraft;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.in.UnitDraft;
import org.powledger.domain.port.out.LedgerStore;

/**
 * Bulk import in one transaction (all or nothing, every bad line listed) and a streamed export in an
 * order the import takes back. Imports use the same use cases, and so the same rules, as single writes.
 */
public final class TransferService implements org.powledger.domain.port.in.TransferringLedger {

    /** More bad lines than this are counted but not listed: the answer stays small. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final LedgerStore store;
    private final Clock clock;
    private final ExchangeService exchanges;
    private final UnitService units;
    private final CohortService cohorts;
    private final LedgerReferences references;

    public TransferService(LedgerStore store, Clock clock, ExchangeService exchanges, UnitService units,
                           CohortService cohorts) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.exchanges = Objects.requireNonNull(exchanges);
        this.units = Objects.requireNonNull(units);
        this.cohorts = Objects.requireNonNull(cohorts);
        this.references = new LedgerReferences(store);
    }

    @Override
    public ImportOutcome importLines(Iterator<ImportLine> lines, boolean dryRun, Actor actor) {
        try {
            return store.transactions().write(() -> {
                Run run = new Run(actor);
                while (lines.hasNext()) {
                    run.take(lines.next());
                }
                ImportOutcome outcome = run.finish();
                if (dryRun) {
                    throw new Rehearsed(outcome);
                }
                return outcome;
            });
        } catch (Rehearsed rehearsed) {
            return rehearsed.outcome;
        }
    }

    @Override
    public void export(LedgerSink sink) {
        // One read transaction: a consistent picture even while others write, and no write waits for it.
        store.transactions().read(() -> {
            parentsFirst(all(store.units()::list)).forEach(sink::unit);
            all(store.cohorts()::list).forEach(sink::cohort);
            store.exchanges().forEach(sink::exchange);
            store.reports().all().forEach(sink::report);
        });
    }

    /** One import: counts what it did and gathers every bad line; throws at the end if any. */
    private final class Run {
        private final Actor actor;
        private final List<LineProblem> problems = new ArrayList<>();
        private long problemCount;
        private long created;
        private long updated;
        private long unchanged;
        /** What the ledger's reports say, read once per import (not once per line), kept up to date. */
        private Set<Report> reportContents;

        Run(Actor actor) {
            this.actor = actor;
        }

        void take(ImportLine line) {
            if (line.draft() == null) {
                line.unreadable().forEach(v -> problem(line.number(), v));
                return;
            }
            try {
                count(importDraft(line.draft()));
            } catch (InvalidRecord invalid) {
                invalid.violations().forEach(v -> problem(line.number(), v));
            } catch (Conflict | NotFound refused) {
                problem(line.number(), Violation.at("", refused.getMessage()));
            }
        }

        ImportOutcome finish() {
            if (problemCount > 0) {
                throw new ImportRejected(problems, problemCount > problems.size());
            }
            return new ImportOutcome(created, updated, unchanged);
        }

        private void problem(long lineNumber, Violation violation) {
            problemCount++;
            if (problems.size() < MAX_LISTED_PROBLEMS) {
                String where = violation.pointer() != null ? violation.pointer() : violation.parameter();
                problems.add(new LineProblem(lineNumber, where, violation.message()));
            }
        }

        private void count(Change change) {
            switch (change) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        private Change importDraft(LedgerDraft draft) {
            if (draft instanceof UnitDraft unit) {
                return importUnit(unit);
            }
            if (draft instanceof CohortDraft cohort) {
                return importCohort(cohort);
            }
            if (draft instanceof ExchangeDraft exchange) {
                return importExchange(exchange);
            }
            return importReport((ReportDraft) draft);
        }

        private Change importUnit(UnitDraft draft) {
            Unit unit = draft.toUnit();
            Optional<Versioned<Unit>> existing = store.units().byId(unit.id());
            if (existing.isPresent() && existing.get().value().equals(unit)) {
                return Change.UNCHANGED;
            }
            units.put(draft, existing.map(Versioned::version).orElse(null), actor);
            return existing.isPresent() ? Change.UPDATED : Change.CREATED;
        }

        private Change importCohort(CohortDraft draft) {
            Cohort cohort = draft.toCohort();
            Optional<Versioned<Cohort>> existing = store.cohorts().byId(cohort.id());
            if (existing.isPresent() && existing.get().value().equals(cohort)) {
                return Change.UNCHANGED;
            }
            cohorts.put(draft, existing.map(Versioned::version).orElse(null), actor);
            return existing.isPresent() ? Change.UPDATED : Change.CREATED;
        }

        private Change importExchange(ExchangeDraft draft) {
            Exchange exchange = exchanges.validated(draft);
            ExchangeId id = draft.id() == null ? null : idOf(draft.id(), ExchangeId::of);
            Optional<ExchangeRecord> existing = id != null ? store.exchanges().byId(id)
                    : Optional.ofNullable(exchange.ref()).flatMap(store.exchanges()::byRef);
            if (existing.isEmpty()) {
                exchanges.add(id != null ? id : ExchangeId.random(), exchange, actor);
                return Change.CREATED;
            }
            if (existing.get().exchange().equals(exchange)) {
                return Change.UNCHANGED;
            }
            exchanges.replace(existing.get(), exchange, actor);
            return Change.UPDATED;
        }

        private Change importReport(ReportDraft draft) {
            Report report = draft.toReport(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            references.requireExist(report.scope());
            if (draft.id() == null) {
                if (reportContents().contains(report)) {
                    return Change.UNCHANGED;
                }
                store.reports().add(ReportId.random(), report, clock.instant());
                reportContents().add(report);
                return Change.CREATED;
            }
            ReportId id = idOf(draft.id(), ReportId::of);
            Optional<ReportRecord> existing = store.reports().byId(id);
            if (existing.isPresent() && existing.get().report().equals(report)) {
                return Change.UNCHANGED;
            }
            if (existing.isPresent()) {
                store.reports().replace(existing.get().replacedBy(report));
                reportContents = null; // another report may say what the replaced one said: read again if asked
                return Change.UPDATED;
            }
            store.reports().add(id, report, clock.instant());
            if (reportContents != null) {
                reportContents.add(report);
            }
            return Change.CREATED;
        }

        private Set<Report> reportContents() {
            if (reportContents == null) {
                reportContents = new HashSet<>();
                store.reports().all().forEach(r -> reportContents.add(r.report()));
            }
            return reportContents;
        }
    }

    private static <I> I idOf(String raw, Function<String, I> parse) {
        try {
            return parse.apply(raw);
        } catch (InvalidRecord invalid) {
            throw InvalidRecord.of("/id", "is not an id this ledger gives out");
        }
    }

    private enum Change { CREATED, UPDATED, UNCHANGED }

    /** Carries a dry run's outcome out of the transaction it rolled back. */
    private static final class Rehearsed extends RuntimeException {
        private final transient ImportOutcome outcome;

        Rehearsed(ImportOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        Page<T> page = list.apply(PageRequest.first(PageRequest.MAX_LIMIT));
        all.addAll(page.items());
        while (page.nextCursor() != null) {
            page = list.apply(new PageRequest(PageRequest.MAX_LIMIT, page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }

    /** Units ordered so that every parent comes before its children (ties by id). */
    static List<Versioned<Unit>> parentsFirst(List<Versioned<Unit>> units) {
        Map<UnitId, List<Versioned<Unit>>> children = new HashMap<>();
        List<Versioned<Unit>> roots = new ArrayList<>();
        for (Versioned<Unit> unit : units) {
            UnitId parent = unit.value().parent();
            if (parent == null) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
            }
        }
        Comparator<Versioned<Unit>> byId = Comparator.comparing(u -> u.value().id());
        List<Versioned<Unit>> ordered = new ArrayList<>();
        List<Versioned<Unit>> level = new ArrayList<>(roots);
        while (!level.isEmpty()) {
            level.sort(byId);
            ordered.addAll(level);
            List<Versioned<Unit>> next = new ArrayList<>();
            level.forEach(u -> next.addAll(children.getOrDefault(u.value().id(), List.of())));
            level = next;
        }
        return ordered;
    }
}

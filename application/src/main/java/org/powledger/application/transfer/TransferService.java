package org.powledger.application.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.powledger.application.LedgerReferences;
import org.powledger.application.cohort.CohortService;
import org.powledger.application.exchange.ExchangeService;
import org.powledger.application.report.ReportService;
import org.powledger.application.unit.UnitService;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
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
import org.powledger.domain.model.Slug;
import org.powledger.domain.model.Text;
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

    /** How many exchange lines are read and written together: the memory an import holds stays this small. */
    static final int CHUNK = 500;

    /** More bad lines than this are counted but not listed: the answer stays small. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final LedgerStore store;
    private final ExchangeService exchanges;
    private final UnitService units;
    private final CohortService cohorts;
    private final ReportService reports;

    public TransferService(LedgerStore store, ExchangeService exchanges, UnitService units,
                           CohortService cohorts, ReportService reports) {
        this.store = Objects.requireNonNull(store);
        this.exchanges = Objects.requireNonNull(exchanges);
        this.units = Objects.requireNonNull(units);
        this.cohorts = Objects.requireNonNull(cohorts);
        this.reports = Objects.requireNonNull(reports);
    }

    @Override
    public ImportOutcome importLines(Iterator<ImportLine> lines, boolean dryRun, Actor actor) {
        try {
            // Alone: an import may hold the store long, and no smaller write should wait on it for its answer.
            return store.transactions().writeAlone(() -> {
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
        /** The units and cohorts the ledger holds, read once per import and kept up to date by its lines. */
        private final Set<UnitId> knownUnits = new HashSet<>();
        private final Set<CohortId> knownCohorts = new HashSet<>();
        private final LedgerReferences known;
        /** Exchange lines not imported yet (at most {@link #CHUNK}). */
        private final List<ImportLine> waiting = new ArrayList<>();

        Run(Actor actor) {
            this.actor = actor;
            store.units().all().forEach(u -> knownUnits.add(u.id()));
            store.cohorts().all().forEach(c -> knownCohorts.add(c.id()));
            this.known = new LedgerReferences(store, new LedgerReferences.Known() {
                @Override
                public boolean unit(UnitId unit) {
                    return knownUnits.contains(unit);
                }

                @Override
                public boolean cohort(CohortId cohort) {
                    return knownCohorts.contains(cohort);
                }
            });
        }

        void take(ImportLine line) {
            if (line.draft() instanceof ExchangeDraft) {
                waiting.add(line);
                if (waiting.size() >= CHUNK) {
                    importWaiting();
                }
                return;
            }
            importWaiting(); // the lines before this one first: the ledger changes in the file's order
            if (line.draft() == null) {
                line.unreadable().forEach(v -> problem(line.number(), v));
                return;
            }
            attempt(line, () -> importDraft(line.draft(), line.given()));
        }

        ImportOutcome finish() {
            importWaiting();
            if (problemCount > 0) {
                throw new ImportRejected(problems, problemCount > problems.size());
            }
            return new ImportOutcome(created, updated, unchanged);
        }

        private void importWaiting() {
            if (waiting.isEmpty()) {
                return;
            }
            Chunk chunk = new Chunk(waiting);
            for (ImportLine line : waiting) {
                attempt(line, () -> chunk.importExchange((ExchangeDraft) line.draft(), line.given()));
            }
            chunk.store();
            waiting.clear();
        }

        /** Counts what a line did, or lists its problems under its number. */
        private void attempt(ImportLine line, Supplier<Change> importing) {
            try {
                count(importing.get());
            } catch (InvalidRecord invalid) {
                invalid.violations().forEach(v -> problem(line.number(), v));
            } catch (Conflict | NotFound refused) {
                problem(line.number(), Violation.at("", refused.getMessage()));
            }
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

        /** {@code given}: the fields the line gives; an update keeps the others (see {@link ImportLine}). */
        private Change importDraft(LedgerDraft draft, Set<String> given) {
            if (draft instanceof UnitDraft unit) {
                return importUnit(unit, given);
            }
            if (draft instanceof CohortDraft cohort) {
                return importCohort(cohort, given);
            }
            return importReport((ReportDraft) draft, given);
        }

        private Change importUnit(UnitDraft line, Set<String> given) {
            // A line whose id is no slug updates nothing: toUnit() reports it with the line's other problems.
            Optional<Versioned<Unit>> existing = Slug.isValid(line.id()) ? store.units().byId(UnitId.of(line.id()))
                    : Optional.empty();
            UnitDraft draft = existing.map(e -> line.keeping(e.value(), given)).orElse(line);
            Unit unit = draft.toUnit();
            if (existing.isPresent() && existing.get().value().equals(unit)) {
                return Change.UNCHANGED;
            }
            units.put(draft, existing.map(Versioned::version).orElse(null), actor);
            knownUnits.add(unit.id());
            return existing.isPresent() ? Change.UPDATED : Change.CREATED;
        }

        private Change importCohort(CohortDraft line, Set<String> given) {
            Optional<Versioned<Cohort>> existing = Slug.isValid(line.id())
                    ? store.cohorts().byId(CohortId.of(line.id())) : Optional.empty();
            CohortDraft draft = existing.map(e -> line.keeping(e.value(), given)).orElse(line);
            Cohort cohort = draft.toCohort();
            if (existing.isPresent() && existing.get().value().equals(cohort)) {
                return Change.UNCHANGED;
            }
            cohorts.put(draft, existing.map(Versioned::version).orElse(null), actor);
            knownCohorts.add(cohort.id());
            return existing.isPresent() ? Change.UPDATED : Change.CREATED;
        }

        /**
         * Exchange lines imported together, a few hundred at a time: what the ledger holds under their ids
         * and refs is read in one query each, and the records they create are stored at once. A line naming
         * an id or ref that an earlier line of the chunk created or changed stores what waits and reads
         * the ledger afresh, so that every line sees the ledger as the lines before it left it.
         */
        private final class Chunk {
            private final Map<ExchangeId, ExchangeRecord> byId;
            private final Map<String, ExchangeRecord> byRef;
            private final Set<String> refsRead;
            private final Set<ExchangeId> touchedIds = new HashSet<>();
            private final Set<String> touchedRefs = new HashSet<>();
            private final Map<ExchangeId, Exchange> pending = new LinkedHashMap<>();

            Chunk(List<ImportLine> lines) {
                Set<ExchangeId> ids = new HashSet<>();
                Set<String> refs = new HashSet<>();
                for (ImportLine line : lines) {
                    ExchangeDraft draft = (ExchangeDraft) line.draft();
                    if (ExchangeId.isValid(draft.id())) {
                        ids.add(ExchangeId.of(draft.id()));
                    }
                    String ref = Text.optional(draft.ref());
                    if (ref != null) {
                        refs.add(ref);
                    }
                }
                byId = ids.isEmpty() ? Map.of() : store.exchanges().byIds(ids);
                byRef = refs.isEmpty() ? Map.of() : store.exchanges().byRefs(refs);
                refsRead = refs;
            }

            Change importExchange(ExchangeDraft line, Set<String> given) {
                ExchangeId id = line.id() == null ? null : idOf(line.id(), ExchangeId::of);
                String ref = Text.optional(line.ref());
                Optional<ExchangeRecord> existing = id != null ? byId(id)
                        : ref != null ? holder(ref) : Optional.empty();
                Exchange exchange = exchanges.validated(
                        existing.map(e -> line.keeping(e.exchange(), given)).orElse(line));
                if (existing.isEmpty()) {
                    ExchangeId newId = id != null ? id : ExchangeId.random();
                    exchanges.requireAddable(exchange, known, this::holder);
                    pending.put(newId, exchange);
                    touch(newId, exchange.ref());
                    return Change.CREATED;
                }
                if (existing.get().exchange().equals(exchange)) {
                    return Change.UNCHANGED;
                }
                store();
                exchanges.replace(existing.get(), exchange, actor, known);
                touch(existing.get().id(), existing.get().exchange().ref());
                touch(existing.get().id(), exchange.ref());
                return Change.UPDATED;
            }

            /** Stores the records created since the chunk began or last stored. */
            void store() {
                if (!pending.isEmpty()) {
                    exchanges.addChecked(pending, actor);
                    pending.clear();
                }
            }

            private Optional<ExchangeRecord> byId(ExchangeId id) {
                if (touchedIds.contains(id)) {
                    store();
                    return TransferService.this.store.exchanges().byId(id);
                }
                return Optional.ofNullable(byId.get(id));
            }

            private Optional<ExchangeRecord> holder(String ref) {
                if (touchedRefs.contains(ref) || !refsRead.contains(ref)) {
                    store();
                    return TransferService.this.store.exchanges().byRef(ref);
                }
                return Optional.ofNullable(byRef.get(ref));
            }

            private void touch(ExchangeId id, String ref) {
                touchedIds.add(id);
                if (ref != null) {
                    touchedRefs.add(ref);
                }
            }
        }

        /** A report with a known id or {@code ref} is updated (only what its line gives); one without either is
         *  counted unchanged when a report already says exactly what it says. */
        private Change importReport(ReportDraft line, Set<String> given) {
            ReportId id = line.id() == null ? null : idOf(line.id(), ReportId::of);
            Optional<ReportRecord> existing = id != null ? store.reports().byId(id)
                    : Optional.ofNullable(Text.optional(line.ref())).flatMap(store.reports()::byRef);
            Report report = reports.validated(existing.map(e -> line.keeping(e.report(), given)).orElse(line));
            if (existing.isEmpty()) {
                if (id == null && report.ref() == null && reportContents().contains(report)) {
                    return Change.UNCHANGED;
                }
                reports.add(id != null ? id : ReportId.random(), report);
                if (reportContents != null) {
                    reportContents.add(report);
                }
                return Change.CREATED;
            }
            if (existing.get().report().equals(report)) {
                return Change.UNCHANGED;
            }
            reports.replace(existing.get(), report);
            reportContents = null; // another report may say what the replaced one said: read again if asked
            return Change.UPDATED;
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

package org.powledger.application.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Slug;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Units;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.Interval;
import org.powledger.domain.statistics.LedgerStatistics;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.Window;
import org.powledger.domain.statistics.YearFigures;

/**
 * Reads the statistics of the ledger, keeping them for as long as the store's revision stays put.
 *
 * <p>Every call first asks the store for its {@link LedgerRevision}. When it is the revision of the
 * answers kept, an answer already given to the same question is served again (a warm read costs a
 * map look-up); otherwise the question walks the ledger in the store (one streamed statement, constant
 * memory) and its answer is kept for that revision. A write committed before a call has moved the
 * revision on, so no call ever sees a ledger older than itself.
 *
 * <p>Thread-safe: the kept state is one immutable object behind a volatile reference; a reload is
 * done by one thread at a time while the others wait for it, and calls that find the revision
 * unchanged never wait.
 */
public final class StatisticsService implements ReadingStatistics {

    /** How many distinct answers are kept per revision; beyond that they are computed each time. */
    static final int MAX_KEPT_ANSWERS = 256;
    /** How many times a reload reads the store while writes keep moving the revision. */
    static final int MAX_READS = 3;

    private final Exchanges exchanges;
    private final Units units;
    private final Cohorts cohorts;
    private final Reports reports;
    private final LedgerRevision revision;
    private final Object reloading = new Object();
    private volatile Kept kept;

    public StatisticsService(Exchanges exchanges, Units units, Cohorts cohorts, Reports reports,
                             LedgerRevision revision) {
        this.exchanges = Objects.requireNonNull(exchanges);
        this.units = Objects.requireNonNull(units);
        this.cohorts = Objects.requireNonNull(cohorts);
        this.reports = Objects.requireNonNull(reports);
        this.revision = Objects.requireNonNull(revision);
    }

    public StatisticsService(LedgerStore store) {
        this(store.exchanges(), store.units(), store.cohorts(), store.reports(), store.revision());
    }

    /**
     * The statistics of one revision (its units, cohorts and reports; the exchanges are walked by each
     * question) and the answers they have given.
     */
    private record Kept(long revision, LedgerStatistics statistics, Map<Question, Object> answers,
                        Map<Question, Object> computing) {

        Kept(long revision, LedgerStatistics statistics) {
            this(revision, statistics, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        void keep(Question question, Object answer) {
            if (answers.size() < MAX_KEPT_ANSWERS) {
                answers.putIfAbsent(question, answer);
            }
        }
    }

    /** A statistic and its (already checked) parameters. */
    private record Question(String statistic, Window window, Object parameter, boolean flag) {
    }

    @Override
    public Summary summary(LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        return ask(new Question("summary", window, null, false), s -> s.summary(window));
    }

    @Override
    public List<YearFigures> yearly(LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        return ask(new Question("yearly", window, null, false), s -> s.yearly(window));
    }

    @Override
    public List<PeriodPoint> periods(LocalDate from, LocalDate to, String interval, boolean cumulative) {
        Window window = Window.of(from, to);
        Interval parsed = Interval.fromParameter(interval);
        return ask(new Question("periods", window, parsed, cumulative), s -> s.periods(window, parsed, cumulative));
    }

    @Override
    public List<UnitFigures> units(LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        return ask(new Question("units", window, null, false), s -> s.units(window));
    }

    @Override
    public CohortFigures cohort(String cohort, LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        if (!Slug.isValid(cohort)) {
            throw new NotFound("cohort", String.valueOf(cohort));
        }
        CohortId id = CohortId.of(cohort);
        return ask(new Question("cohort", window, id, false), s -> s.cohort(id, window));
    }

    @Override
    public List<FirstReturn> firstReturns(LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        return ask(new Question("firstReturns", window, null, false), s -> s.firstReturns(window));
    }

    /** Pages are kept like other answers: a client walking the pages of one revision walks the ledger once per page. */
    @Override
    public Page<FirstReturn> firstReturns(LocalDate from, LocalDate to, PageRequest page) {
        Window window = Window.of(from, to);
        return ask(new Question("firstReturnsPage", window, page, false), s -> s.firstReturns(window, page));
    }

    /** Never kept: the whole answer is as long as the ledger, so it goes out as it is computed. */
    @Override
    public void eachFirstReturn(LocalDate from, LocalDate to, Consumer<FirstReturn> each) {
        Window window = Window.of(from, to);
        current().statistics().firstReturns(window, null, item -> {
            each.accept(item);
            return true;
        });
    }

    @Override
    public FirstReturn firstTimeUnits(String exchange) {
        if (!ExchangeId.isValid(exchange)) {
            throw new NotFound("exchange", String.valueOf(exchange));
        }
        ExchangeId id = ExchangeId.of(exchange);
        return ask(new Question("firstTimeUnits", Window.ALL, id, false), s -> s.firstTimeUnits(id));
    }

    @Override
    public List<ReconciliationItem> reconciliation(LocalDate from, LocalDate to) {
        Window window = Window.of(from, to);
        return ask(new Question("reconciliation", window, null, false), s -> s.reconciliation(window));
    }

    /**
     * The answer kept for this revision, else computed by one thread while the others asking the same
     * question wait for it. An answer is kept only when no write landed while it was computed (it then
     * describes exactly one moment of the ledger); otherwise the question is asked again.
     */
    @SuppressWarnings("unchecked")
    private <T> T ask(Question question, Function<LedgerStatistics, T> compute) {
        T answer = null;
        for (int attempt = 1; attempt <= MAX_READS; attempt++) {
            Kept known = current();
            Object kept = known.answers().get(question);
            if (kept != null) {
                return (T) kept;
            }
            synchronized (known.computing().computeIfAbsent(question, q -> new Object())) {
                kept = known.answers().get(question);
                if (kept != null) {
                    return (T) kept;
                }
                answer = compute.apply(known.statistics());
                if (revision.current() == known.revision()) {
                    known.keep(question, answer);
                    return answer;
                }
            }
        }
        // Writes kept landing: the last answer is at least as new as the call, so it is not stale.
        return answer;
    }

    /** The statistics of the store's current revision, read afresh when the revision has moved. */
    private Kept current() {
        long now = revision.current();
        Kept known = kept;
        if (known != null && known.revision() == now) {
            return known;
        }
        synchronized (reloading) {
            // Asked again under the lock: another thread may have reloaded a newer revision meanwhile.
            now = revision.current();
            known = kept;
            if (known != null && known.revision() == now) {
                return known;
            }
            for (int attempt = 1; ; attempt++) {
                LedgerStatistics read = readLedger();
                long after = revision.current();
                if (after == now || attempt == MAX_READS) {
                    Kept fresh = new Kept(now, read);
                    kept = fresh;
                    return fresh;
                }
                now = after;
            }
        }
    }

    /**
     * Reads the units, cohorts and reports (small lists); the exchanges stay in the store, streamed by
     * each question, so no revision ever holds the ledger in memory.
     */
    private LedgerStatistics readLedger() {
        return new LedgerStatistics(exchanges::forEachStage, units.all(), cohorts.all(), reports.all());
    }
}

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
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Transactions;
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
 * map look-up); otherwise the question walks the ledger's stages, kept in memory between revisions and
 * brought up to date from the exchange history ({@link KeptLedger}; a ledger too large for that is
 * walked in the store, streamed, in constant memory), and its answer is kept for that revision. A write
 * committed before a call has moved the revision on, so no call ever sees a ledger older than itself.
 *
 * <p>Thread-safe: the kept state is one object behind a volatile reference holding a concurrent map
 * of answers; a question is computed by one thread at a time while the others asking it wait, and
 * calls that find their answer kept never wait.
 */
public final class StatisticsService implements ReadingStatistics {

    /** How many distinct answers are kept per revision; beyond that they are computed each time. */
    static final int MAX_KEPT_ANSWERS = 256;

    private final KeptLedger ledger;
    private final Units units;
    private final Cohorts cohorts;
    private final Reports reports;
    private final LedgerRevision revision;
    private final Transactions transactions;
    /** One thread at a time computes a given question; others asking it wait and take its answer. */
    private final Object[] computing = new Object[16];
    private volatile Kept kept;

    /**
     * @param budget how many bytes of heap the stages kept between reads may take; a larger ledger is
     *               walked in the store on each first read after a write
     */
    public StatisticsService(Exchanges exchanges, ExchangeHistory history, Units units, Cohorts cohorts,
                             Reports reports, LedgerRevision revision, Transactions transactions, long budget) {
        this.ledger = new KeptLedger(exchanges, history, budget);
        this.units = Objects.requireNonNull(units);
        this.cohorts = Objects.requireNonNull(cohorts);
        this.reports = Objects.requireNonNull(reports);
        this.revision = Objects.requireNonNull(revision);
        this.transactions = Objects.requireNonNull(transactions);
        for (int i = 0; i < computing.length; i++) {
            computing[i] = new Object();
        }
    }

    /** Keeps the stages of a ledger of up to a fifth of the heap between reads. */
    public StatisticsService(LedgerStore store) {
        this(store.exchanges(), store.history(), store.units(), store.cohorts(), store.reports(), store.revision(),
                store.transactions(), KeptLedger.defaultBudget());
    }

    /**
     * The statistics of one revision (its units, cohorts and reports; the exchanges are walked by each
     * question) and the answers they have given.
     */
    private record Kept(long revision, LedgerStatistics statistics, Map<Question, Object> answers) {

        Kept(long revision, LedgerStatistics statistics) {
            this(revision, statistics, new ConcurrentHashMap<>());
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
        transactions.read(() -> current().statistics().firstReturns(window, null, item -> {
            each.accept(item);
            return true;
        }));
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
     * The answer kept for the store's current revision, else computed in one read transaction (the
     * revision, the units, cohorts and reports, and the walk over the exchanges are of one moment, and
     * no write waits for it) and kept under the revision read in it. Askers of the same question wait
     * for the one computing it.
     */
    @SuppressWarnings("unchecked")
    private <T> T ask(Question question, Function<LedgerStatistics, T> compute) {
        Object known = answerKept(question, revision.current());
        if (known != null) {
            return (T) known;
        }
        synchronized (computing[Math.floorMod(question.hashCode(), computing.length)]) {
            return transactions.read(() -> {
                long now = revision.current();
                Object again = answerKept(question, now);
                if (again != null) {
                    return (T) again;
                }
                Kept current = kept;
                if (current == null || current.revision() != now) {
                    current = new Kept(now, readLedger());
                    kept = current;
                }
                T answer = compute.apply(current.statistics());
                current.keep(question, answer);
                return answer;
            });
        }
    }

    private Object answerKept(Question question, long now) {
        Kept known = kept;
        return known != null && known.revision() == now ? known.answers().get(question) : null;
    }

    /**
     * The statistics of the ledger's current revision, to ask several questions of one moment; a ledger
     * too large to keep is walked in the store by each question.
     */
    public LedgerStatistics statistics() {
        return current().statistics();
    }

    /** The statistics of the store's current revision, read in one read transaction with it. */
    private Kept current() {
        return transactions.read(() -> {
            long now = revision.current();
            Kept known = kept;
            if (known != null && known.revision() == now) {
                return known;
            }
            Kept fresh = new Kept(now, readLedger());
            kept = fresh;
            return fresh;
        });
    }

    /** Reads the units, cohorts and reports (small lists) and brings the kept stages up to date. */
    private LedgerStatistics readLedger() {
        return new LedgerStatistics(ledger.current(), units.all(), cohorts.all(), reports.all());
    }
}

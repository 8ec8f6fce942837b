package org.powledger.application.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Slug;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.port.out.Cohorts;
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
 * statistics kept, they answer (and answers already given for the same question are served again);
 * otherwise the whole ledger is read afresh, in one read transaction together with its revision, and
 * the kept statistics are replaced. A write committed before a call has moved the revision on, so no
 * call ever sees a ledger older than itself; reading takes no write lock and moves nothing.
 *
 * <p>Thread-safe: the kept state is one immutable object behind a volatile reference; a reload is
 * done by one thread at a time while the others wait for it, and calls that find the revision
 * unchanged never wait.
 */
public final class StatisticsService implements ReadingStatistics {

    /** How many distinct answers are kept per revision; beyond that they are computed each time. */
    static final int MAX_KEPT_ANSWERS = 256;

    private final Exchanges exchanges;
    private final Units units;
    private final Cohorts cohorts;
    private final Reports reports;
    private final LedgerRevision revision;
    private final Transactions transactions;
    private final Object reloading = new Object();
    private volatile Kept kept;

    public StatisticsService(Exchanges exchanges, Units units, Cohorts cohorts, Reports reports,
                             LedgerRevision revision, Transactions transactions) {
        this.exchanges = Objects.requireNonNull(exchanges);
        this.units = Objects.requireNonNull(units);
        this.cohorts = Objects.requireNonNull(cohorts);
        this.reports = Objects.requireNonNull(reports);
        this.revision = Objects.requireNonNull(revision);
        this.transactions = Objects.requireNonNull(transactions);
    }

    public StatisticsService(LedgerStore store) {
        this(store.exchanges(), store.units(), store.cohorts(), store.reports(), store.revision(), store.transactions());
    }

    /** The statistics of one revision and the answers they have given. */
    private record Kept(long revision, LedgerStatistics statistics, Map<Question, Object> answers) {

        @SuppressWarnings("unchecked")
        <T> T answer(Question question, Function<LedgerStatistics, T> compute) {
            Object known = answers.get(question);
            if (known != null) {
                return (T) known;
            }
            T answer = compute.apply(statistics);
            if (answers.size() < MAX_KEPT_ANSWERS) {
                answers.putIfAbsent(question, answer);
            }
            return answer;
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

    private <T> T ask(Question question, Function<LedgerStatistics, T> compute) {
        return current().answer(question, compute);
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
            // One snapshot: the statistics and the revision they are kept under are of the same moment.
            Kept fresh = transactions.read(() -> new Kept(revision.current(), readLedger(), new ConcurrentHashMap<>()));
            kept = fresh;
            return fresh;
        }
    }

    /** Streams the exchange records into the statistics: only their figures are held, never the records. */
    private LedgerStatistics readLedger() {
        LedgerStatistics.Builder ledger = LedgerStatistics.builder();
        exchanges.forEach(ledger::exchange);
        return ledger.units(units.all()).cohorts(cohorts.all()).reports(reports.all()).build();
    }
}

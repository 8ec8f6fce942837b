package org.powledger.domain.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangePosition;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.UnitTree;

/**
 * The one home of the ledger's counting rules (API.md, "Statistics"): every statistic, computed by
 * walking one moment of the ledger. Pure: it reads the exchanges through a {@link StageSource}, which
 * streams their figures in statistics order (see {@link Stage}), so each statistic holds only what its
 * answer holds (a few figures per year, period, unit or cohort), never the ledger: a million exchanges
 * fit in a small heap.
 *
 * <p>A walk gathers the consecutive stages of each operation into one {@link CountedExchange} and works
 * out its first-time units from the units of every earlier exchange (so "first time" always looks back
 * over the whole ledger, whatever the window), then hands it to the statistic, which keeps or drops
 * it at once. A walk stops as soon as the window or the answer is complete.
 *
 * <p>Choices where API.md leaves room, applied everywhere:
 * <ul>
 *   <li>The window ({@code from}/{@code to}) chooses exchanges and repatriations by their date (an
 *       operation's earliest stage). The cohort's reported figures are the same whatever the window. The
 *       reconciliation measures each report on its own scope over the whole ledger; the window only
 *       chooses which reports it lists (see {@link #reconciliation(Window)}).</li>
 *   <li>{@code exchanges} counts exchanges of living people only, everywhere; repatriations of
 *       bodies are {@code repatriations}. {@code peopleHandedOver}, {@code firstExchangeOn},
 *       {@code lastExchangeOn} and {@code largestExchange} concern exchanges of living people.</li>
 *   <li>Series (years, periods) run from the first to the last period holding an exchange or a
 *       repatriation within the window.</li>
 *   <li>First returns list every exchange of living people in the window, those with no first-time
 *       unit too (count 0).</li>
 *   <li>A unit scope or cohort scope counts living people only, so a report of {@code bodiesReturned}
 *       with such a scope is always measured against 0. A report naming an exchange that is no longer
 *       in the ledger is measured against 0.</li>
 *   <li>A cohort's {@code byUnit} lists the units on its tagged lines (in the window) and the units of
 *       its {@code {cohort, unit}} reports of any metric (the figure shown is the latest
 *       {@code peopleReturned} one, or null); largest {@code recorded} first, then by unit id.</li>
 *   <li>A repatriation of bodies asked for its first-time units answers an empty item (count 0).</li>
 *   <li>{@code percent} and {@code shareReturned} round half away from zero.</li>
 * </ul>
 */
public final class LedgerStatistics {

    private static final Comparator<ReportRecord> RECORDING_ORDER = Comparator.comparingLong(ReportRecord::sequence);
    private static final Comparator<ReportRecord> LATEST_LAST =
            Comparator.comparing((ReportRecord r) -> r.report().asOf()).thenComparingLong(ReportRecord::sequence);

    private final StageSource ledger;
    private final List<Unit> units;
    private final Map<UnitId, List<UnitId>> chains;
    private final Map<CohortId, Cohort> cohorts;
    private final List<ReportRecord> reports;

    /** The statistics of one snapshot of the ledger held in memory. */
    public LedgerStatistics(LedgerSnapshot snapshot) {
        this(inMemory(snapshot.exchanges()), snapshot.units(), snapshot.cohorts(), snapshot.reports());
    }

    /**
     * The statistics of the ledger that {@code ledger} streams, with its units, cohorts and reports
     * (all of the same moment of the ledger).
     */
    public LedgerStatistics(StageSource ledger, List<Unit> units, List<Cohort> cohorts, List<ReportRecord> reports) {
        this.ledger = Objects.requireNonNull(ledger);
        this.units = units.stream().sorted(Comparator.comparing(Unit::id)).toList();
        UnitTree tree = new UnitTree(units);
        Map<UnitId, List<UnitId>> chainOf = new HashMap<>();
        for (Unit unit : this.units) {
            chainOf.put(unit.id(), List.copyOf(tree.selfAndAncestors(unit.id())));
        }
        this.chains = Map.copyOf(chainOf);
        Map<CohortId, Cohort> cohortOf = new HashMap<>();
        cohorts.forEach(c -> cohortOf.put(c.id(), c));
        this.cohorts = Map.copyOf(cohortOf);
        this.reports = reports.stream().sorted(RECORDING_ORDER).toList();
    }

    /** A source over records held in memory, put in statistics order once. */
    public static StageSource inMemory(Collection<ExchangeRecord> records) {
        List<Stage> stages = Stage.inStatisticsOrder(records);
        return action -> {
            for (Stage stage : stages) {
                if (!action.test(stage)) {
                    return;
                }
            }
        };
    }

    // ---- the walk --------------------------------------------------------------------------------

    /**
     * Hands every exchange and repatriation dated in the window to {@code visit}, in ledger order, with
     * its first-time units worked out over every earlier exchange, until {@code visit} answers false.
     */
    private void walk(Window window, Predicate<CountedExchange> visit) {
        Walk walk = new Walk(window, visit);
        ledger.forEachStage(walk::take);
        walk.end();
    }

    /** The state of one walk: the exchange being gathered and the units seen before it. */
    private static final class Walk {
        private final Window window;
        private final Predicate<CountedExchange> visit;
        private final Set<UnitId> seen = new HashSet<>();
        private CountedExchange.Gathering open;
        private ExchangePosition previous;
        private boolean stopped;

        Walk(Window window, Predicate<CountedExchange> visit) {
            this.window = window;
            this.visit = visit;
        }

        boolean take(Stage stage) {
            if (open != null && open.holds(stage)) {
                open.add(stage);
                return true;
            }
            if (!finish()) {
                return false;
            }
            if (window.to() != null && stage.date().isAfter(window.to())) {
                stopped = true;
                return false;
            }
            open = new CountedExchange.Gathering(stage);
            return true;
        }

        void end() {
            if (!stopped) {
                finish();
            }
        }

        /** Counts the exchange gathered so far; false when the walk is to stop. */
        private boolean finish() {
            if (open == null) {
                return true;
            }
            CountedExchange exchange = open.done();
            open = null;
            if (previous != null && exchange.position.compareTo(previous) < 0) {
                throw new IllegalStateException("the store streamed exchanges out of ledger order at " + exchange.id);
            }
            previous = exchange.position;
            if (exchange.isOfPrisoners()) {
                markFirstTimeUnits(exchange);
            }
            if (window.contains(exchange.date()) && !visit.test(exchange)) {
                stopped = true;
                return false;
            }
            return true;
        }

        /** The units on its lines never seen on an earlier exchange's, in id order. */
        private void markFirstTimeUnits(CountedExchange exchange) {
            List<UnitId> firstTime = null;
            for (CountedExchange.Line line : exchange.lines) {
                UnitId unit = line.unit();
                if (unit != null && seen.add(unit)) {
                    if (firstTime == null) {
                        firstTime = new ArrayList<>();
                    }
                    firstTime.add(unit);
                }
            }
            if (firstTime != null) {
                firstTime.sort(null);
                exchange.firstTimeUnits = List.copyOf(firstTime);
            }
        }
    }

    // ---- summary ---------------------------------------------------------------------------------

    public Summary summary(Window window) {
        var sum = new Object() {
            long exchanges;
            long repatriations;
            long people;
            long handedOver;
            long civilians;
            long bodies;
            CountedExchange first;
            CountedExchange last;
            CountedExchange largest;
        };
        walk(window, e -> {
            if (e.isOfPrisoners()) {
                sum.exchanges++;
                sum.people += e.returned;
                sum.handedOver += e.handedOver;
                sum.civilians += e.civilians;
                if (sum.first == null) {
                    sum.first = e;
                }
                sum.last = e;
                if (sum.largest == null || e.returned > sum.largest.returned) {
                    sum.largest = e;
                }
            } else {
                sum.repatriations++;
                sum.bodies += e.returned;
            }
            return true;
        });
        CountedExchange largest = sum.largest;
        return new Summary(sum.exchanges, sum.repatriations, sum.people, sum.handedOver, sum.civilians, sum.bodies,
                sum.first == null ? null : sum.first.date(), sum.last == null ? null : sum.last.date(),
                largest == null ? null : new LargestExchange(largest.id, largest.date(), largest.returned));
    }

    // ---- yearly ----------------------------------------------------------------------------------

    public List<YearFigures> yearly(Window window) {
        TreeMap<Long, long[]> byYear = byPeriod(window, Interval.YEAR, 6, (row, e) -> {
            if (e.isOfPrisoners()) {
                row[0]++;
                row[2] += e.returned;
                row[3] += e.handedOver;
                row[4] += e.civilians;
            } else {
                row[1]++;
                row[5] += e.returned;
            }
        });
        if (byYear.isEmpty()) {
            return List.of();
        }
        List<YearFigures> years = new ArrayList<>();
        long[] previous = null;
        for (long year = byYear.firstKey(); year <= byYear.lastKey(); year++) {
            long[] row = byYear.getOrDefault(year, new long[6]);
            YearChange change = previous == null ? null : change(row[2], previous[2]);
            years.add(new YearFigures(Math.toIntExact(year), row[0], row[1], row[2], row[3], row[4], row[5], change));
            previous = row;
        }
        return List.copyOf(years);
    }

    /** Figures added up per period (by {@link Interval#index}), only the periods holding an exchange. */
    private TreeMap<Long, long[]> byPeriod(Window window, Interval interval, int width,
                                           BiConsumer<long[], CountedExchange> add) {
        TreeMap<Long, long[]> rows = new TreeMap<>();
        walk(window, e -> {
            add.accept(rows.computeIfAbsent(interval.index(e.date()), k -> new long[width]), e);
            return true;
        });
        return rows;
    }

    private static YearChange change(long current, long previous) {
        BigDecimal percent = previous == 0 ? null
                : BigDecimal.valueOf(current - previous).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
        return new YearChange(current - previous, percent);
    }

    // ---- periods ---------------------------------------------------------------------------------

    public List<PeriodPoint> periods(Window window, Interval interval, boolean cumulative) {
        TreeMap<Long, long[]> byPeriod = byPeriod(window, interval, 3, (row, e) -> {
            if (e.isOfPrisoners()) {
                row[0]++;
                row[1] += e.returned;
            } else {
                row[2] += e.returned;
            }
        });
        if (byPeriod.isEmpty()) {
            return List.of();
        }
        List<PeriodPoint> points = new ArrayList<>();
        long[] running = new long[3];
        for (long period = byPeriod.firstKey(); period <= byPeriod.lastKey(); period++) {
            long[] row = byPeriod.getOrDefault(period, new long[3]);
            if (cumulative) {
                for (int k = 0; k < 3; k++) {
                    running[k] += row[k];
                }
                row = running;
            }
            points.add(new PeriodPoint(interval.label(period), row[0], row[1], row[2]));
        }
        return List.copyOf(points);
    }

    // ---- units -----------------------------------------------------------------------------------

    public List<UnitFigures> units(Window window) {
        Tally tally = tally(window);
        List<UnitFigures> items = new ArrayList<>(units.size());
        for (Unit unit : units) {
            Tally.Figures f = tally.unit(unit.id());
            items.add(new UnitFigures(unit.id(), unit.name(), unit.parent(), f.own, f.returned, f.exchanges,
                    f.first, f.last));
        }
        items.sort(Comparator.comparingLong(UnitFigures::returnedWithSubunits).reversed()
                .thenComparing(UnitFigures::unit));
        return List.copyOf(items);
    }

    // ---- cohorts ---------------------------------------------------------------------------------

    /** @throws NotFound when the ledger has no such cohort */
    public CohortFigures cohort(CohortId id, Window window) {
        Cohort cohort = cohorts.get(id);
        if (cohort == null) {
            throw new NotFound("cohort", id.value());
        }
        Tally tally = tally(window);
        long recorded = tally.cohort(id).returned;
        ReportedFigure reported = latestPeopleReturned(ReportScope.ofCohort(id));

        Set<UnitId> listed = new TreeSet<>(tally.unitsOnLinesOf(id));
        for (ReportRecord r : reports) {
            ReportScope scope = r.report().scope();
            if (id.equals(scope.cohort()) && scope.unit() != null) {
                listed.add(scope.unit());
            }
        }
        List<CohortUnitFigures> byUnit = new ArrayList<>(listed.size());
        for (UnitId unit : listed) {
            byUnit.add(new CohortUnitFigures(unit, tally.cohortUnit(id, unit).returned,
                    latestPeopleReturned(ReportScope.ofCohortUnit(id, unit))));
        }
        byUnit.sort(Comparator.comparingLong(CohortUnitFigures::recorded).reversed()
                .thenComparing(CohortUnitFigures::unit));

        long returned = reported != null ? reported.value() : recorded;
        BigDecimal share = cohort.size() == null ? null
                : BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(cohort.size()), 4, RoundingMode.HALF_UP);
        Long remaining = cohort.size() == null ? null : cohort.size() - returned;
        return new CohortFigures(id, cohort.name(), cohort.size(), cohort.sizeApproximate(), recorded, reported,
                share, remaining, byUnit);
    }

    /** The latest report of peopleReturned with exactly this scope: latest asOf, then latest recorded. */
    private ReportedFigure latestPeopleReturned(ReportScope scope) {
        ReportRecord latest = null;
        for (ReportRecord r : reports) {
            if (r.report().metric() == Metric.PEOPLE_RETURNED && r.report().scope().equals(scope)
                    && (latest == null || LATEST_LAST.compare(r, latest) > 0)) {
                latest = r;
            }
        }
        return latest == null ? null : new ReportedFigure(latest.report().value(), latest.report().asOf(), latest.id());
    }

    // ---- first returns ---------------------------------------------------------------------------

    public List<FirstReturn> firstReturns(Window window) {
        List<FirstReturn> items = new ArrayList<>();
        firstReturns(window, null, items::add);
        return List.copyOf(items);
    }

    /**
     * Hands each item of the first returns in the window, in ledger order, to {@code each} as soon as it
     * is known, starting after the exchange at {@code after} (null: from the first), until {@code each}
     * answers false. Nothing but the units seen so far is held, whatever the length of the answer.
     */
    public void firstReturns(Window window, ExchangePosition after, Predicate<FirstReturn> each) {
        walk(window, e -> !e.isOfPrisoners() || (after != null && e.position.compareTo(after) <= 0)
                || each.test(firstReturn(e)));
    }

    /**
     * One page of the first returns in the window: at most {@code page.limit()} items after the cursor
     * (the position of the last item of the page before), and the cursor of the next page if any.
     */
    public Page<FirstReturn> firstReturns(Window window, PageRequest page) {
        ExchangePosition after = page.cursor() == null ? null : ExchangePosition.fromCursor(page.cursor());
        List<FirstReturn> items = new ArrayList<>(Math.min(page.limit(), 64));
        var last = new Object() {
            ExchangePosition position;
            boolean more;
        };
        walk(window, e -> {
            if (!e.isOfPrisoners() || (after != null && e.position.compareTo(after) <= 0)) {
                return true;
            }
            if (items.size() == page.limit()) {
                last.more = true;
                return false;
            }
            items.add(firstReturn(e));
            last.position = e.position;
            return true;
        });
        return new Page<>(items, last.more ? last.position.toCursor() : null);
    }

    /**
     * The first-time units of the exchange any of whose stages has this id. A repatriation of bodies
     * brings no unit home for the first time: its item is empty.
     *
     * @throws NotFound when no live record has this id
     */
    public FirstReturn firstTimeUnits(ExchangeId id) {
        FirstReturn[] found = new FirstReturn[1];
        walk(Window.ALL, e -> {
            if (e.stages.contains(id)) {
                found[0] = firstReturn(e);
                return false;
            }
            return true;
        });
        if (found[0] == null) {
            throw new NotFound("exchange", id.value());
        }
        return found[0];
    }

    private static FirstReturn firstReturn(CountedExchange e) {
        return new FirstReturn(e.id, e.date(), e.firstTimeUnits, e.firstTimeUnits.size());
    }

    // ---- reconciliation --------------------------------------------------------------------------

    /**
     * The reports the window lists, each measured on its own scope over the whole ledger (a window
     * never makes a published figure look wrong: a 2023 figure is not measured against 2024's
     * exchanges); largest difference first, then in recording order.
     */
    public List<ReconciliationItem> reconciliation(Window window) {
        Set<ExchangeId> named = new HashSet<>();
        reports.forEach(r -> {
            if (r.report().scope().exchange() != null) {
                named.add(r.report().scope().exchange());
            }
        });
        Tally tally = new Tally(this::chain);
        Map<Integer, long[]> byYear = new TreeMap<>();
        long[] allTime = new long[3];
        Map<ExchangeId, CountedExchange> byStage = new HashMap<>();
        // Each report is measured over the whole ledger; the window only chooses which are listed.
        walk(Window.ALL, e -> {
            tally.add(e);
            addTo(allTime, e);
            addTo(byYear.computeIfAbsent(e.date().getYear(), y -> new long[3]), e);
            for (ExchangeId stage : e.stages) {
                if (named.contains(stage)) {
                    byStage.put(stage, e);
                }
            }
            return true;
        });
        List<ReconciliationItem> items = new ArrayList<>(reports.size());
        for (ReportRecord r : reports) {
            ReportScope scope = r.report().scope();
            if (!listed(scope, window, byStage)) {
                continue;
            }
            Metric metric = r.report().metric();
            long recorded;
            if (scope.exchange() != null) {
                CountedExchange e = byStage.get(scope.exchange());
                recorded = e == null ? 0 : ofExchange(e, metric);
            } else if (metric == Metric.FIRST_TIME_UNITS) {
                recorded = 0;
            } else if (scope.year() != null) {
                recorded = pick(byYear.getOrDefault(scope.year(), new long[3]), metric);
            } else if (scope.cohort() != null) {
                Tally.Figures f = scope.unit() == null ? tally.cohort(scope.cohort())
                        : tally.cohortUnit(scope.cohort(), scope.unit());
                recorded = ofLivingPeople(f, metric);
            } else if (scope.unit() != null) {
                recorded = ofLivingPeople(tally.unit(scope.unit()), metric);
            } else {
                recorded = pick(allTime, metric);
            }
            long difference = recorded - r.report().value();
            items.add(new ReconciliationItem(r.id(), scope, metric, r.report().value(), recorded, difference,
                    ReconciliationStatus.of(difference)));
        }
        items.sort(Comparator.comparingLong((ReconciliationItem i) -> Math.abs(i.difference())).reversed());
        return List.copyOf(items);
    }

    /**
     * Whether the window lists a report of this scope: a year scope when the year overlaps the
     * window, an exchange scope when that exchange (its operation) is dated in it, any other scope
     * always. A report naming an exchange no longer in the ledger has no date, so it is always listed
     * (measured against 0, it shows that the ledger lost it).
     */
    private static boolean listed(ReportScope scope, Window window, Map<ExchangeId, CountedExchange> byStage) {
        if (scope.year() != null) {
            int year = scope.year();
            return (window.from() == null || window.from().getYear() <= year)
                    && (window.to() == null || window.to().getYear() >= year);
        }
        if (scope.exchange() != null) {
            CountedExchange e = byStage.get(scope.exchange());
            return e == null || window.contains(e.date());
        }
        return true;
    }

    private static void addTo(long[] figures, CountedExchange e) {
        if (e.isOfPrisoners()) {
            figures[0]++;
            figures[1] += e.returned;
        } else {
            figures[2] += e.returned;
        }
    }

    private static long pick(long[] figures, Metric metric) {
        return switch (metric) {
            case EXCHANGES -> figures[0];
            case PEOPLE_RETURNED -> figures[1];
            case BODIES_RETURNED -> figures[2];
            case FIRST_TIME_UNITS -> 0;
        };
    }

    private static long ofLivingPeople(Tally.Figures f, Metric metric) {
        return switch (metric) {
            case EXCHANGES -> f.exchanges;
            case PEOPLE_RETURNED -> f.returned;
            case BODIES_RETURNED, FIRST_TIME_UNITS -> 0;
        };
    }

    private static long ofExchange(CountedExchange e, Metric metric) {
        return switch (metric) {
            case EXCHANGES -> e.isOfPrisoners() ? 1 : 0;
            case PEOPLE_RETURNED -> e.isOfPrisoners() ? e.returned : 0;
            case BODIES_RETURNED -> e.isOfPrisoners() ? 0 : e.returned;
            case FIRST_TIME_UNITS -> e.firstTimeUnits.size();
        };
    }

    // ---- shared ----------------------------------------------------------------------------------

    private List<UnitId> chain(UnitId unit) {
        return chains.getOrDefault(unit, List.of(unit));
    }

    private Tally tally(Window window) {
        Tally tally = new Tally(this::chain);
        walk(window, e -> {
            tally.add(e);
            return true;
        });
        return tally;
    }
}

package org.powledger.domain.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.UnitTree;

/**
 * The one home of the ledger's counting rules (API.md, "Statistics"): every statistic, computed from
 * one snapshot of the ledger. Pure and immutable once built, so it can be shared between threads and
 * kept for as long as the ledger's revision stays put.
 *
 * <p>Building it makes one pass over the exchange records to gather the stages of each operation into
 * one {@link CountedExchange}, puts those in ledger order and works out the first-time units of each
 * (which always look back over the whole ledger). Every statistic then reads only those.
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

    /** Exchanges and repatriations, in ledger order. */
    private final List<CountedExchange> exchanges;
    private final Map<ExchangeId, CountedExchange> byStage;
    private final List<Unit> units;
    private final Map<UnitId, List<UnitId>> chains;
    private final Map<CohortId, Cohort> cohorts;
    private final List<ReportRecord> reports;

    /** The statistics of one snapshot of the ledger. */
    public LedgerStatistics(LedgerSnapshot snapshot) {
        this(gather(snapshot));
    }

    private static Builder gather(LedgerSnapshot snapshot) {
        Builder builder = builder().units(snapshot.units()).cohorts(snapshot.cohorts()).reports(snapshot.reports());
        snapshot.exchanges().forEach(builder::exchange);
        return builder;
    }

    /**
     * Gathers a snapshot piece by piece, so that exchange records can be streamed in from a store
     * without holding them all (with their notes and sources): only their figures are kept.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects one snapshot of the ledger; the same snapshot gives the same statistics. */
    public static final class Builder {
        private final Map<Object, CountedExchange.Gathering> gatherings = new LinkedHashMap<>();
        private final Map<ExchangeId, CountedExchange.Gathering> gatheringOfStage = new HashMap<>();
        private List<Unit> units = List.of();
        private List<Cohort> cohorts = List.of();
        private List<ReportRecord> reports = List.of();

        private Builder() {
        }

        /** One live exchange record, in any order. */
        public Builder exchange(ExchangeRecord record) {
            CountedExchange.Gathering g = gatherings.computeIfAbsent(CountedExchange.groupKey(record),
                    k -> new CountedExchange.Gathering(record.exchange().kind()));
            g.add(record);
            gatheringOfStage.put(record.id(), g);
            return this;
        }

        public Builder units(List<Unit> all) {
            this.units = List.copyOf(all);
            return this;
        }

        public Builder cohorts(List<Cohort> all) {
            this.cohorts = List.copyOf(all);
            return this;
        }

        public Builder reports(List<ReportRecord> all) {
            this.reports = List.copyOf(all);
            return this;
        }

        public LedgerStatistics build() {
            return new LedgerStatistics(this);
        }
    }

    private LedgerStatistics(Builder gathered) {
        Map<CountedExchange.Gathering, CountedExchange> done = new HashMap<>();
        List<CountedExchange> ordered = new ArrayList<>(gathered.gatherings.size());
        for (CountedExchange.Gathering g : gathered.gatherings.values()) {
            CountedExchange exchange = g.done();
            done.put(g, exchange);
            ordered.add(exchange);
        }
        ordered.sort(Comparator.comparing(e -> e.position));
        this.exchanges = List.copyOf(ordered);
        Map<ExchangeId, CountedExchange> stages = new HashMap<>();
        gathered.gatheringOfStage.forEach((id, g) -> stages.put(id, done.get(g)));
        this.byStage = Map.copyOf(stages);
        markFirstTimeUnits(this.exchanges);

        this.units = gathered.units.stream().sorted(Comparator.comparing(Unit::id)).toList();
        UnitTree tree = new UnitTree(gathered.units);
        Map<UnitId, List<UnitId>> chainOf = new HashMap<>();
        for (Unit unit : units) {
            chainOf.put(unit.id(), List.copyOf(tree.selfAndAncestors(unit.id())));
        }
        this.chains = Map.copyOf(chainOf);
        Map<CohortId, Cohort> cohortOf = new HashMap<>();
        gathered.cohorts.forEach(c -> cohortOf.put(c.id(), c));
        this.cohorts = Map.copyOf(cohortOf);
        this.reports = gathered.reports.stream().sorted(RECORDING_ORDER).toList();
    }

    private static void markFirstTimeUnits(List<CountedExchange> inLedgerOrder) {
        Set<UnitId> seen = new HashSet<>();
        for (CountedExchange exchange : inLedgerOrder) {
            if (!exchange.isOfPrisoners()) {
                continue;
            }
            Set<UnitId> onLines = new TreeSet<>();
            for (CountedExchange.Line line : exchange.lines) {
                if (line.unit() != null) {
                    onLines.add(line.unit());
                }
            }
            List<UnitId> firstTime = new ArrayList<>();
            for (UnitId unit : onLines) {
                if (!seen.contains(unit)) {
                    firstTime.add(unit);
                }
            }
            seen.addAll(onLines);
            exchange.firstTimeUnits = List.copyOf(firstTime);
        }
    }

    // ---- summary ---------------------------------------------------------------------------------

    public Summary summary(Window window) {
        long exchangeCount = 0;
        long repatriations = 0;
        long people = 0;
        long handedOver = 0;
        long civilians = 0;
        long bodies = 0;
        CountedExchange first = null;
        CountedExchange last = null;
        CountedExchange largest = null;
        for (CountedExchange e : in(window)) {
            if (e.isOfPrisoners()) {
                exchangeCount++;
                people += e.returned;
                handedOver += e.handedOver;
                civilians += e.civilians;
                if (first == null) {
                    first = e;
                }
                last = e;
                if (largest == null || e.returned > largest.returned) {
                    largest = e;
                }
            } else {
                repatriations++;
                bodies += e.returned;
            }
        }
        return new Summary(exchangeCount, repatriations, people, handedOver, civilians, bodies,
                first == null ? null : first.date(), last == null ? null : last.date(),
                largest == null ? null : new LargestExchange(largest.id, largest.date(), largest.returned));
    }

    // ---- yearly ----------------------------------------------------------------------------------

    public List<YearFigures> yearly(Window window) {
        List<CountedExchange> counted = in(window);
        if (counted.isEmpty()) {
            return List.of();
        }
        int firstYear = counted.get(0).date().getYear();
        int lastYear = counted.get(counted.size() - 1).date().getYear();
        long[][] byYear = new long[lastYear - firstYear + 1][6];
        for (CountedExchange e : counted) {
            long[] row = byYear[e.date().getYear() - firstYear];
            if (e.isOfPrisoners()) {
                row[0]++;
                row[2] += e.returned;
                row[3] += e.handedOver;
                row[4] += e.civilians;
            } else {
                row[1]++;
                row[5] += e.returned;
            }
        }
        List<YearFigures> years = new ArrayList<>(byYear.length);
        for (int i = 0; i < byYear.length; i++) {
            long[] row = byYear[i];
            YearChange change = i == 0 ? null : change(row[2], byYear[i - 1][2]);
            years.add(new YearFigures(firstYear + i, row[0], row[1], row[2], row[3], row[4], row[5], change));
        }
        return List.copyOf(years);
    }

    private static YearChange change(long current, long previous) {
        BigDecimal percent = previous == 0 ? null
                : BigDecimal.valueOf(current - previous).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
        return new YearChange(current - previous, percent);
    }

    // ---- periods ---------------------------------------------------------------------------------

    public List<PeriodPoint> periods(Window window, Interval interval, boolean cumulative) {
        List<CountedExchange> counted = in(window);
        if (counted.isEmpty()) {
            return List.of();
        }
        long firstPeriod = interval.index(counted.get(0).date());
        long lastPeriod = interval.index(counted.get(counted.size() - 1).date());
        long[][] byPeriod = new long[Math.toIntExact(lastPeriod - firstPeriod + 1)][3];
        for (CountedExchange e : counted) {
            long[] row = byPeriod[(int) (interval.index(e.date()) - firstPeriod)];
            if (e.isOfPrisoners()) {
                row[0]++;
                row[1] += e.returned;
            } else {
                row[2] += e.returned;
            }
        }
        List<PeriodPoint> points = new ArrayList<>(byPeriod.length);
        long[] running = new long[3];
        for (int i = 0; i < byPeriod.length; i++) {
            long[] row = byPeriod[i];
            if (cumulative) {
                for (int k = 0; k < 3; k++) {
                    running[k] += row[k];
                }
                row = running;
            }
            points.add(new PeriodPoint(interval.label(firstPeriod + i), row[0], row[1], row[2]));
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
        for (CountedExchange e : in(window)) {
            if (e.isOfPrisoners()) {
                items.add(firstReturn(e));
            }
        }
        return List.copyOf(items);
    }

    /**
     * The first-time units of the exchange any of whose stages has this id. A repatriation of bodies
     * brings no unit home for the first time: its item is empty.
     *
     * @throws NotFound when no live record has this id
     */
    public FirstReturn firstTimeUnits(ExchangeId id) {
        CountedExchange e = byStage.get(id);
        if (e == null) {
            throw new NotFound("exchange", id.value());
        }
        return firstReturn(e);
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
        Tally tally = tally(exchanges);
        Map<Integer, long[]> byYear = new TreeMap<>();
        long[] allTime = new long[3];
        for (CountedExchange e : exchanges) {
            long[] year = byYear.computeIfAbsent(e.date().getYear(), y -> new long[3]);
            addTo(allTime, e);
            addTo(year, e);
        }
        List<ReconciliationItem> items = new ArrayList<>(reports.size());
        for (ReportRecord r : reports) {
            ReportScope scope = r.report().scope();
            if (!listed(scope, window)) {
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
    private boolean listed(ReportScope scope, Window window) {
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

    /** The exchanges and repatriations whose date lies in the window, in ledger order. */
    private List<CountedExchange> in(Window window) {
        int start = window.from() == null ? 0 : firstIndexWhere(d -> !d.isBefore(window.from()));
        int end = window.to() == null ? exchanges.size() : firstIndexWhere(d -> d.isAfter(window.to()));
        return start >= end ? List.of() : exchanges.subList(start, end);
    }

    /** The first index whose date passes {@code test}, which once true stays true (dates are in order). */
    private int firstIndexWhere(Predicate<LocalDate> test) {
        int low = 0;
        int high = exchanges.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (!test.test(exchanges.get(mid).date())) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Tally tally(Window window) {
        return tally(in(window));
    }

    private Tally tally(List<CountedExchange> counted) {
        return new Tally(counted, unit -> chains.getOrDefault(unit, List.of(unit)));
    }
}

package org.powledger.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;

/**
 * Every statistic, on thousands of random ledgers (unit trees, cohorts, operations spanning days and
 * years, bodies, replaced and deleted records, reports of every scope) and random windows, agrees
 * with a deliberately naive reference written here from API.md's words alone: quadratic loops over
 * the raw records, no grouping, nothing shared with the production code but the result types.
 */
public class StatisticsPropertyTest {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final LocalDate START = LocalDate.of(2022, 11, 1);

    /** A random ledger and the questions to ask of it. */
    public record Case(LedgerSnapshot ledger, List<Window> windows, List<ExchangeId> deletedIds, List<Action> actions) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Case{windows=" + windows + "\n");
            ledger.units().forEach(u -> b.append("  unit ").append(u.id()).append(" < ").append(u.parent()).append('\n'));
            ledger.cohorts().forEach(c -> b.append("  cohort ").append(c.id()).append(" size ").append(c.size()).append('\n'));
            ledger.exchanges().forEach(r -> b.append("  ").append(r.id()).append(" #").append(r.sequence()).append(' ')
                    .append(r.exchange().date()).append(' ').append(r.exchange().kind()).append(" op=")
                    .append(r.exchange().operation()).append(" ret=").append(r.exchange().returned())
                    .append(" lines=").append(r.exchange().breakdown()).append('\n'));
            ledger.reports().forEach(r -> b.append("  report ").append(r.id()).append(" #").append(r.sequence())
                    .append(' ').append(r.report().scope()).append(' ').append(r.report().metric()).append('=')
                    .append(r.report().value()).append(" asOf ").append(r.report().asOf()).append('\n'));
            return b.append('}').toString();
        }
    }

    @Provide
    Arbitrary<Case> ledgers() {
        return Arbitraries.randomValue(StatisticsPropertyTest::randomCase);
    }

    /** One write of the random history that made a case's ledger, for a store to replay. */
    public sealed interface Action {
        ExchangeId id();

        record Added(ExchangeId id, Exchange exchange) implements Action {
        }

        record Replaced(ExchangeId id, Exchange exchange) implements Action {
        }

        record Removed(ExchangeId id) implements Action {
        }
    }

    @Property(tries = 3000)
    void every_statistic_agrees_with_the_naive_reference(@ForAll("ledgers") Case c) {
        assertAgrees(new LedgerStatistics(c.ledger()), c.ledger(), c.windows(), c.deletedIds());
    }

    /**
     * Asks every statistic of {@code statistics} in every window and checks it against the naive
     * reference computed from {@code ledger}; every store's statistics are held to it.
     */
    public static void assertAgrees(LedgerStatistics statistics, LedgerSnapshot ledger, List<Window> windows,
                                    List<ExchangeId> deletedIds) {
        Case c = new Case(ledger, windows, deletedIds, List.of());
        Naive naive = new Naive(c.ledger());
        for (Window w : c.windows()) {
            assertThat(statistics.summary(w)).as("summary %s", w).isEqualTo(naive.summary(w));
            assertThat(statistics.yearly(w)).as("yearly %s", w).isEqualTo(naive.yearly(w));
            for (Interval interval : Interval.values()) {
                for (boolean cumulative : new boolean[] {false, true}) {
                    assertThat(statistics.periods(w, interval, cumulative))
                            .as("periods %s %s %s", w, interval, cumulative)
                            .isEqualTo(naive.periods(w, interval, cumulative));
                }
            }
            assertThat(statistics.units(w)).as("units %s", w).isEqualTo(naive.units(w));
            for (Cohort cohort : c.ledger().cohorts()) {
                assertThat(statistics.cohort(cohort.id(), w)).as("cohort %s %s", cohort.id(), w)
                        .isEqualTo(naive.cohort(cohort, w));
            }
            assertThat(statistics.firstReturns(w)).as("first returns %s", w).isEqualTo(naive.firstReturns(w));
            for (int limit = 1; limit <= 3; limit++) {
                List<FirstReturn> paged = new ArrayList<>();
                Page<FirstReturn> page = statistics.firstReturns(w, new PageRequest(limit, null));
                paged.addAll(page.items());
                while (page.nextCursor() != null) {
                    assertThat(page.items()).hasSize(limit);
                    page = statistics.firstReturns(w, new PageRequest(limit, page.nextCursor()));
                    paged.addAll(page.items());
                }
                assertThat(paged).as("first returns %s in pages of %d", w, limit).isEqualTo(naive.firstReturns(w));
            }
            assertThat(statistics.reconciliation(w)).as("reconciliation %s", w).isEqualTo(naive.reconciliation(w));
        }
        for (ExchangeRecord r : c.ledger().exchanges()) {
            assertThat(statistics.firstTimeUnits(r.id())).as("first-time units of %s", r.id())
                    .isEqualTo(naive.firstTimeUnits(r.id()));
        }
        for (ExchangeId deleted : c.deletedIds()) {
            assertThatThrownBy(() -> statistics.firstTimeUnits(deleted)).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> statistics.cohort(CohortId.of("no-such-cohort"), Window.ALL))
                .isInstanceOf(NotFound.class);
    }

    // ---- random ledgers --------------------------------------------------------------------------

    public static Case randomCase(Random random) {
        List<Unit> units = new ArrayList<>();
        int unitCount = random.nextInt(8);
        for (int i = 0; i < unitCount; i++) {
            UnitId parent = i > 0 && random.nextInt(3) > 0 ? units.get(random.nextInt(i)).id() : null;
            units.add(new Unit(UnitId.of("u" + i), "Unit " + i, parent));
        }
        List<Cohort> cohorts = new ArrayList<>();
        int cohortCount = random.nextInt(4);
        for (int i = 0; i < cohortCount; i++) {
            Integer size = random.nextInt(4) == 0 ? null : 1 + random.nextInt(400);
            cohorts.add(new Cohort(CohortId.of("c" + i), "Cohort " + i, size, size != null && random.nextBoolean(), null));
        }

        Map<ExchangeId, ExchangeRecord> live = new LinkedHashMap<>();
        List<ExchangeId> deleted = new ArrayList<>();
        List<Action> history = new ArrayList<>();
        long sequence = 0;
        int actions = random.nextInt(45);
        for (int i = 0; i < actions; i++) {
            int action = random.nextInt(100);
            if (action < 70 || live.isEmpty()) {
                ExchangeId id = ExchangeId.of("e" + i);
                live.put(id, new ExchangeRecord(id, ++sequence, 1, AT, AT, randomExchange(random, units, cohorts)));
                history.add(new Action.Added(id, live.get(id).exchange()));
            } else {
                ExchangeId victim = new ArrayList<>(live.keySet()).get(random.nextInt(live.size()));
                if (action < 85) {
                    live.put(victim, live.get(victim).replacedBy(randomExchange(random, units, cohorts), AT));
                    history.add(new Action.Replaced(victim, live.get(victim).exchange()));
                } else {
                    live.remove(victim);
                    deleted.add(victim);
                    history.add(new Action.Removed(victim));
                }
            }
        }

        List<ExchangeId> nameable = new ArrayList<>(live.keySet());
        nameable.addAll(deleted);
        List<ReportRecord> reports = new ArrayList<>();
        int reportCount = random.nextInt(9);
        for (int i = 0; i < reportCount; i++) {
            ReportScope scope = randomScope(random, units, cohorts, nameable);
            Metric metric = scope.exchange() != null && random.nextInt(3) == 0 ? Metric.FIRST_TIME_UNITS
                    : List.of(Metric.EXCHANGES, Metric.PEOPLE_RETURNED, Metric.BODIES_RETURNED).get(random.nextInt(3));
            LocalDate asOf = START.plusDays(random.nextInt(4) * 300L);
            reports.add(new ReportRecord(ReportId.of("r" + i), i + 1, AT,
                    new Report(scope, metric, random.nextInt(150), false, asOf, null, null)));
        }

        List<ExchangeRecord> records = new ArrayList<>(live.values());
        Collections.shuffle(records, random);
        Collections.shuffle(reports, random);
        List<Window> windows = new ArrayList<>(List.of(Window.ALL));
        for (int i = 0; i < 3; i++) {
            LocalDate a = random.nextInt(4) == 0 ? null : randomDate(random);
            LocalDate b = random.nextInt(4) == 0 ? null : randomDate(random);
            if (a != null && b != null && a.isAfter(b)) {
                LocalDate swap = a;
                a = b;
                b = swap;
            }
            windows.add(Window.of(a, b));
        }
        return new Case(new LedgerSnapshot(records, units, cohorts, reports), windows, deleted, List.copyOf(history));
    }

    private static LocalDate randomDate(Random random) {
        return START.plusDays(random.nextInt(random.nextBoolean() ? 120 : 900));
    }

    private static Exchange randomExchange(Random random, List<Unit> units, List<Cohort> cohorts) {
        Kind kind = random.nextInt(5) == 0 ? Kind.BODIES : Kind.PRISONERS;
        String operation = random.nextInt(5) < 2 ? "op" + random.nextInt(3) : null;
        int returned = random.nextInt(61);
        Integer handedOver = random.nextBoolean() ? null : random.nextInt(61);
        Integer civilians = kind == Kind.PRISONERS && random.nextBoolean() ? random.nextInt(returned + 1) : null;
        List<BreakdownLine> lines = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        int left = returned;
        int wanted = random.nextInt(5);
        for (int i = 0; i < wanted && left > 0 && !(units.isEmpty() && cohorts.isEmpty()); i++) {
            UnitId unit = units.isEmpty() || random.nextInt(4) == 0 ? null : units.get(random.nextInt(units.size())).id();
            CohortId cohort = cohorts.isEmpty() || random.nextBoolean() ? null
                    : cohorts.get(random.nextInt(cohorts.size())).id();
            if (unit == null && cohort == null) {
                continue;
            }
            int count = 1 + random.nextInt(left);
            BreakdownLine line = new BreakdownLine(unit, cohort, count);
            if (keys.add(line.key())) {
                lines.add(line);
                left -= count;
            }
        }
        return new Exchange(null, randomDate(random), kind, operation, returned, handedOver, civilians, List.of(),
                lines, List.of(), null);
    }

    private static ReportScope randomScope(Random random, List<Unit> units, List<Cohort> cohorts,
                                           List<ExchangeId> exchanges) {
        for (;;) {
            switch (random.nextInt(6)) {
                case 0:
                    return ReportScope.allTime();
                case 1:
                    return ReportScope.ofYear(2022 + random.nextInt(4));
                case 2:
                    if (!cohorts.isEmpty()) {
                        return ReportScope.ofCohort(cohorts.get(random.nextInt(cohorts.size())).id());
                    }
                    break;
                case 3:
                    if (!cohorts.isEmpty() && !units.isEmpty()) {
                        return ReportScope.ofCohortUnit(cohorts.get(random.nextInt(cohorts.size())).id(),
                                units.get(random.nextInt(units.size())).id());
                    }
                    break;
                case 4:
                    if (!units.isEmpty()) {
                        return ReportScope.ofUnit(units.get(random.nextInt(units.size())).id());
                    }
                    break;
                default:
                    if (!exchanges.isEmpty()) {
                        return ReportScope.ofExchange(exchanges.get(random.nextInt(exchanges.size())));
                    }
                    break;
            }
        }
    }

    // ---- the naive reference ---------------------------------------------------------------------

    /** API.md's rules, read literally, over the raw records; slow on purpose. */
    static final class Naive {

        private final List<ExchangeRecord> records;
        private final List<Unit> units;
        private final List<ReportRecord> reports;

        Naive(LedgerSnapshot ledger) {
            this.records = ledger.exchanges();
            this.units = ledger.units();
            this.reports = ledger.reports();
        }

        // "stages that share an operation (within one kind) count as one exchange"
        private boolean sameExchange(ExchangeRecord a, ExchangeRecord b) {
            if (a.id().equals(b.id())) {
                return true;
            }
            return a.exchange().operation() != null && a.exchange().operation().equals(b.exchange().operation())
                    && a.exchange().kind() == b.exchange().kind();
        }

        // "earlier": by date, then by the order of first recording
        private static boolean earlier(ExchangeRecord a, ExchangeRecord b) {
            int byDate = a.exchange().date().compareTo(b.exchange().date());
            return byDate < 0 || byDate == 0 && a.sequence() < b.sequence();
        }

        private List<ExchangeRecord> stagesOf(ExchangeRecord r) {
            List<ExchangeRecord> stages = new ArrayList<>();
            for (ExchangeRecord other : records) {
                if (sameExchange(r, other)) {
                    stages.add(other);
                }
            }
            return stages;
        }

        private ExchangeRecord headOf(ExchangeRecord r) {
            ExchangeRecord head = r;
            for (ExchangeRecord stage : stagesOf(r)) {
                if (earlier(stage, head)) {
                    head = stage;
                }
            }
            return head;
        }

        private List<ExchangeRecord> heads;

        /** One record per exchange (its earliest stage), in ledger order. Worked out once, slowly. */
        private List<ExchangeRecord> heads() {
            if (heads == null) {
                heads = List.copyOf(findHeads());
            }
            return heads;
        }

        private List<ExchangeRecord> findHeads() {
            List<ExchangeRecord> heads = new ArrayList<>();
            for (ExchangeRecord r : records) {
                if (headOf(r) == r) {
                    heads.add(r);
                }
            }
            // selection sort by "earlier"
            List<ExchangeRecord> sorted = new ArrayList<>();
            while (!heads.isEmpty()) {
                ExchangeRecord first = heads.get(0);
                for (ExchangeRecord h : heads) {
                    if (earlier(h, first)) {
                        first = h;
                    }
                }
                sorted.add(first);
                heads.remove(first);
            }
            return sorted;
        }

        private static boolean inWindow(ExchangeRecord head, Window w) {
            LocalDate d = head.exchange().date();
            return (w.from() == null || d.compareTo(w.from()) >= 0) && (w.to() == null || d.compareTo(w.to()) <= 0);
        }

        private List<ExchangeRecord> headsIn(Window w) {
            List<ExchangeRecord> in = new ArrayList<>();
            for (ExchangeRecord h : heads()) {
                if (inWindow(h, w)) {
                    in.add(h);
                }
            }
            return in;
        }

        private static boolean prisoners(ExchangeRecord r) {
            return r.exchange().kind() == Kind.PRISONERS;
        }

        private long returnedOf(ExchangeRecord head) {
            long sum = 0;
            for (ExchangeRecord s : stagesOf(head)) {
                sum += s.exchange().returned();
            }
            return sum;
        }

        private long handedOverOf(ExchangeRecord head) {
            long sum = 0;
            for (ExchangeRecord s : stagesOf(head)) {
                sum += s.exchange().handedOver() == null ? 0 : s.exchange().handedOver();
            }
            return sum;
        }

        private long civiliansOf(ExchangeRecord head) {
            long sum = 0;
            for (ExchangeRecord s : stagesOf(head)) {
                sum += s.exchange().civilians() == null ? 0 : s.exchange().civilians();
            }
            return sum;
        }

        private List<BreakdownLine> linesOf(ExchangeRecord head) {
            List<BreakdownLine> lines = new ArrayList<>();
            for (ExchangeRecord s : stagesOf(head)) {
                lines.addAll(s.exchange().breakdown());
            }
            return lines;
        }

        /** Whether {@code unit} is {@code root} or lies somewhere below it. */
        private boolean under(UnitId unit, UnitId root) {
            UnitId at = unit;
            for (int steps = 0; at != null && steps <= units.size() + 1; steps++) {
                if (at.equals(root)) {
                    return true;
                }
                UnitId parent = null;
                for (Unit u : units) {
                    if (u.id().equals(at)) {
                        parent = u.parent();
                    }
                }
                at = parent;
            }
            return false;
        }

        Summary summary(Window w) {
            long exchanges = 0, repatriations = 0, people = 0, handed = 0, civilians = 0, bodies = 0;
            LocalDate first = null, last = null;
            ExchangeRecord largest = null;
            for (ExchangeRecord h : headsIn(w)) {
                if (prisoners(h)) {
                    exchanges++;
                    people += returnedOf(h);
                    handed += handedOverOf(h);
                    civilians += civiliansOf(h);
                    LocalDate d = h.exchange().date();
                    first = first == null || d.isBefore(first) ? d : first;
                    last = last == null || d.isAfter(last) ? d : last;
                    if (largest == null || returnedOf(h) > returnedOf(largest)) {
                        largest = h;
                    }
                } else {
                    repatriations++;
                    bodies += returnedOf(h);
                }
            }
            return new Summary(exchanges, repatriations, people, handed, civilians, bodies, first, last,
                    largest == null ? null
                            : new LargestExchange(largest.id(), largest.exchange().date(), returnedOf(largest)));
        }

        List<YearFigures> yearly(Window w) {
            List<ExchangeRecord> in = headsIn(w);
            if (in.isEmpty()) {
                return List.of();
            }
            int firstYear = Integer.MAX_VALUE, lastYear = Integer.MIN_VALUE;
            for (ExchangeRecord h : in) {
                firstYear = Math.min(firstYear, h.exchange().date().getYear());
                lastYear = Math.max(lastYear, h.exchange().date().getYear());
            }
            List<YearFigures> years = new ArrayList<>();
            long previous = 0;
            for (int y = firstYear; y <= lastYear; y++) {
                long exchanges = 0, repatriations = 0, people = 0, handed = 0, civilians = 0, bodies = 0;
                for (ExchangeRecord h : in) {
                    if (h.exchange().date().getYear() != y) {
                        continue;
                    }
                    if (prisoners(h)) {
                        exchanges++;
                        people += returnedOf(h);
                        handed += handedOverOf(h);
                        civilians += civiliansOf(h);
                    } else {
                        repatriations++;
                        bodies += returnedOf(h);
                    }
                }
                YearChange change = y == firstYear ? null
                        : new YearChange(people - previous, previous == 0 ? null : tenthsOfPercent(people - previous, previous));
                years.add(new YearFigures(y, exchanges, repatriations, people, handed, civilians, bodies, change));
                previous = people;
            }
            return years;
        }

        /** diff / base as a percentage with one decimal, half away from zero, in whole-number arithmetic. */
        private static BigDecimal tenthsOfPercent(long diff, long base) {
            long q = Math.abs(diff) * 1000;
            long tenths = q / base;
            if (2 * (q % base) >= base) {
                tenths++;
            }
            return BigDecimal.valueOf(diff < 0 ? -tenths : tenths, 1);
        }

        List<PeriodPoint> periods(Window w, Interval interval, boolean cumulative) {
            List<ExchangeRecord> in = headsIn(w);
            if (in.isEmpty()) {
                return List.of();
            }
            LocalDate min = in.get(0).exchange().date();
            LocalDate max = in.get(in.size() - 1).exchange().date();
            List<PeriodPoint> points = new ArrayList<>();
            long runX = 0, runP = 0, runB = 0;
            for (LocalDate start = periodStart(min, interval); !start.isAfter(max); start = next(start, interval)) {
                LocalDate end = next(start, interval);
                long x = 0, p = 0, b = 0;
                for (ExchangeRecord h : in) {
                    LocalDate d = h.exchange().date();
                    if (!d.isBefore(start) && d.isBefore(end)) {
                        if (prisoners(h)) {
                            x++;
                            p += returnedOf(h);
                        } else {
                            b += returnedOf(h);
                        }
                    }
                }
                runX += x;
                runP += p;
                runB += b;
                String label = switch (interval) {
                    case MONTH -> start.getYear() + "-" + (start.getMonthValue() < 10 ? "0" : "") + start.getMonthValue();
                    case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
                    case YEAR -> Integer.toString(start.getYear());
                };
                points.add(cumulative ? new PeriodPoint(label, runX, runP, runB) : new PeriodPoint(label, x, p, b));
            }
            return points;
        }

        private static LocalDate periodStart(LocalDate d, Interval interval) {
            return switch (interval) {
                case MONTH -> d.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
                case YEAR -> LocalDate.of(d.getYear(), 1, 1);
            };
        }

        private static LocalDate next(LocalDate start, Interval interval) {
            return switch (interval) {
                case MONTH -> start.plusMonths(1);
                case QUARTER -> start.plusMonths(3);
                case YEAR -> start.plusYears(1);
            };
        }

        List<UnitFigures> units(Window w) {
            List<UnitFigures> items = new ArrayList<>();
            for (Unit u : units) {
                long own = 0, all = 0, exchanges = 0;
                LocalDate first = null, last = null;
                for (ExchangeRecord h : headsIn(w)) {
                    if (!prisoners(h)) {
                        continue;
                    }
                    boolean touched = false;
                    for (BreakdownLine line : linesOf(h)) {
                        if (line.unit() == null) {
                            continue;
                        }
                        if (line.unit().equals(u.id())) {
                            own += line.count();
                        }
                        if (under(line.unit(), u.id())) {
                            all += line.count();
                            touched = true;
                        }
                    }
                    if (touched) {
                        exchanges++;
                        LocalDate d = h.exchange().date();
                        first = first == null || d.isBefore(first) ? d : first;
                        last = last == null || d.isAfter(last) ? d : last;
                    }
                }
                items.add(new UnitFigures(u.id(), u.name(), u.parent(), own, all, exchanges, first, last));
            }
            items.sort(Comparator.comparing((UnitFigures f) -> -f.returnedWithSubunits())
                    .thenComparing(f -> f.unit().value()));
            return items;
        }

        CohortFigures cohort(Cohort cohort, Window w) {
            long recorded = 0;
            Set<String> listed = new TreeSet<>();
            for (ExchangeRecord h : headsIn(w)) {
                if (prisoners(h)) {
                    for (BreakdownLine line : linesOf(h)) {
                        if (cohort.id().equals(line.cohort())) {
                            recorded += line.count();
                            if (line.unit() != null) {
                                listed.add(line.unit().value());
                            }
                        }
                    }
                }
            }
            for (ReportRecord r : reports) {
                if (cohort.id().equals(r.report().scope().cohort()) && r.report().scope().unit() != null) {
                    listed.add(r.report().scope().unit().value());
                }
            }
            List<CohortUnitFigures> byUnit = new ArrayList<>();
            for (String unit : listed) {
                long sum = 0;
                for (ExchangeRecord h : headsIn(w)) {
                    if (prisoners(h)) {
                        for (BreakdownLine line : linesOf(h)) {
                            if (cohort.id().equals(line.cohort()) && line.unit() != null
                                    && under(line.unit(), UnitId.of(unit))) {
                                sum += line.count();
                            }
                        }
                    }
                }
                byUnit.add(new CohortUnitFigures(UnitId.of(unit), sum, latest(cohort.id(), UnitId.of(unit))));
            }
            byUnit.sort(Comparator.comparing((CohortUnitFigures f) -> -f.recorded()).thenComparing(f -> f.unit().value()));
            ReportedFigure reported = latest(cohort.id(), null);
            long value = reported == null ? recorded : reported.value();
            BigDecimal share = null;
            Long remaining = null;
            if (cohort.size() != null) {
                long q = value * 10_000;
                long units4 = q / cohort.size() + (2 * (q % cohort.size()) >= cohort.size() ? 1 : 0);
                share = BigDecimal.valueOf(units4, 4);
                remaining = cohort.size() - value;
            }
            return new CohortFigures(cohort.id(), cohort.name(), cohort.size(), cohort.sizeApproximate(), recorded,
                    reported, share, remaining, byUnit);
        }

        private ReportedFigure latest(CohortId cohort, UnitId unit) {
            ReportRecord best = null;
            for (ReportRecord r : reports) {
                ReportScope s = r.report().scope();
                if (r.report().metric() == Metric.PEOPLE_RETURNED && cohort.equals(s.cohort())
                        && Objects.equals(unit, s.unit())) {
                    if (best == null || r.report().asOf().isAfter(best.report().asOf())
                            || r.report().asOf().equals(best.report().asOf()) && r.sequence() > best.sequence()) {
                        best = r;
                    }
                }
            }
            return best == null ? null : new ReportedFigure(best.report().value(), best.report().asOf(), best.id());
        }

        /** Units on lines of this exchange that appear on no line of an earlier exchange of living people. */
        private List<UnitId> firstTimeOf(ExchangeRecord head) {
            if (!prisoners(head)) {
                return List.of();
            }
            Set<String> result = new TreeSet<>();
            for (BreakdownLine line : linesOf(head)) {
                if (line.unit() == null) {
                    continue;
                }
                boolean seenBefore = false;
                for (ExchangeRecord other : heads()) {
                    if (prisoners(other) && earlier(other, head)) {
                        for (BreakdownLine earlierLine : linesOf(other)) {
                            if (line.unit().equals(earlierLine.unit())) {
                                seenBefore = true;
                            }
                        }
                    }
                }
                if (!seenBefore) {
                    result.add(line.unit().value());
                }
            }
            return result.stream().map(UnitId::of).toList();
        }

        List<FirstReturn> firstReturns(Window w) {
            List<FirstReturn> items = new ArrayList<>();
            for (ExchangeRecord h : headsIn(w)) {
                if (prisoners(h)) {
                    List<UnitId> first = firstTimeOf(h);
                    items.add(new FirstReturn(h.id(), h.exchange().date(), first, first.size()));
                }
            }
            return items;
        }

        FirstReturn firstTimeUnits(ExchangeId id) {
            for (ExchangeRecord r : records) {
                if (r.id().equals(id)) {
                    ExchangeRecord h = headOf(r);
                    List<UnitId> first = firstTimeOf(h);
                    return new FirstReturn(h.id(), h.exchange().date(), first, first.size());
                }
            }
            throw new AssertionError("asked only about live records");
        }

        List<ReconciliationItem> reconciliation(Window w) {
            List<ReconciliationItem> items = new ArrayList<>();
            for (ReportRecord r : reports) {
                if (!listed(r.report().scope(), w)) {
                    continue;
                }
                long recorded = recorded(r.report().scope(), r.report().metric(), Window.ALL);
                long difference = recorded - r.report().value();
                items.add(new ReconciliationItem(r.id(), r.report().scope(), r.report().metric(), r.report().value(),
                        recorded, difference, difference == 0 ? ReconciliationStatus.MATCH
                        : difference < 0 ? ReconciliationStatus.LEDGER_BELOW : ReconciliationStatus.LEDGER_ABOVE));
            }
            List<ReconciliationItem> sorted = new ArrayList<>();
            while (!items.isEmpty()) {
                ReconciliationItem pick = items.get(0);
                for (ReconciliationItem item : items) {
                    long a = Math.abs(item.difference());
                    long b = Math.abs(pick.difference());
                    if (a > b || a == b && sequenceOf(item) < sequenceOf(pick)) {
                        pick = item;
                    }
                }
                sorted.add(pick);
                items.remove(pick);
            }
            return sorted;
        }

        private boolean listed(ReportScope scope, Window w) {
            if (scope.year() != null) {
                return (w.from() == null || w.from().getYear() <= scope.year())
                        && (w.to() == null || w.to().getYear() >= scope.year());
            }
            if (scope.exchange() != null) {
                for (ExchangeRecord r : records) {
                    if (r.id().equals(scope.exchange())) {
                        return inWindow(headOf(r), w);
                    }
                }
            }
            return true;
        }

        private long sequenceOf(ReconciliationItem item) {
            return reports.stream().filter(r -> r.id().equals(item.report())).findFirst().orElseThrow().sequence();
        }

        private long recorded(ReportScope scope, Metric metric, Window w) {
            if (scope.exchange() != null) {
                for (ExchangeRecord r : records) {
                    if (r.id().equals(scope.exchange())) {
                        ExchangeRecord h = headOf(r);
                        if (!inWindow(h, w)) {
                            return 0;
                        }
                        return switch (metric) {
                            case EXCHANGES -> prisoners(h) ? 1 : 0;
                            case PEOPLE_RETURNED -> prisoners(h) ? returnedOf(h) : 0;
                            case BODIES_RETURNED -> prisoners(h) ? 0 : returnedOf(h);
                            case FIRST_TIME_UNITS -> firstTimeOf(h).size();
                        };
                    }
                }
                return 0;
            }
            long total = 0;
            for (ExchangeRecord h : headsIn(w)) {
                if (scope.year() != null && h.exchange().date().getYear() != scope.year()) {
                    continue;
                }
                if (scope.cohort() == null && scope.unit() == null) {
                    total += switch (metric) {
                        case EXCHANGES -> prisoners(h) ? 1 : 0;
                        case PEOPLE_RETURNED -> prisoners(h) ? returnedOf(h) : 0;
                        case BODIES_RETURNED -> prisoners(h) ? 0 : returnedOf(h);
                        case FIRST_TIME_UNITS -> 0;
                    };
                    continue;
                }
                if (!prisoners(h)) {
                    continue;
                }
                long matching = 0;
                boolean any = false;
                for (BreakdownLine line : linesOf(h)) {
                    boolean cohortOk = scope.cohort() == null || scope.cohort().equals(line.cohort());
                    boolean unitOk = scope.unit() == null || line.unit() != null && under(line.unit(), scope.unit());
                    if (cohortOk && unitOk) {
                        matching += line.count();
                        any = true;
                    }
                }
                total += switch (metric) {
                    case EXCHANGES -> any ? 1 : 0;
                    case PEOPLE_RETURNED -> matching;
                    case BODIES_RETURNED, FIRST_TIME_UNITS -> 0;
                };
            }
            return total;
        }
    }
}

package org.powledger.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.CompactLedger;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.LedgerStatistics;
import org.powledger.domain.model.Page;
import org.powledger.domain.statistics.Stage;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.Window;
import org.powledger.domain.statistics.YearFigures;

/**
 * The pure statistics computation, without HTTP or a store: the counting rules walking a compact ledger
 * of random exchanges shaped as bench/generate.py shapes them (2014–2025, up to 5 lines over 200 units,
 * one in twenty a stage of an operation, one in ten bodies), and a write taken into the compact ledger.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx64m", "-XX:+UseSerialGC"})
public class StatisticsBenchmark {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final LocalDate START = LocalDate.of(2014, 1, 1);

    @Param({"10000", "100000"})
    public int exchanges;

    private CompactLedger ledger;
    private LedgerStatistics statistics;
    private ExchangeRecord backDated;

    @Setup
    public void setUp() {
        Random random = new Random(20251129);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UnitId parent = i > 20 && random.nextDouble() < 0.6 ? units.get(random.nextInt(i)).id() : null;
            units.add(new Unit(UnitId.of(String.format("u%03d", i)), "Unit " + i, parent));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (String id : List.of("azovstal", "snake-island", "mariupol", "kharkiv")) {
            cohorts.add(new Cohort(CohortId.of(id), id, 5000, false, null));
        }
        List<ExchangeRecord> records = new ArrayList<>(exchanges);
        for (int i = 1; i <= exchanges; i++) {
            records.add(record(random, i, units, cohorts));
        }
        ledger = CompactLedger.of(LedgerStatistics.inMemory(records), Long.MAX_VALUE).orElseThrow();
        statistics = new LedgerStatistics(ledger, units, cohorts, List.of());
        backDated = record(random, exchanges + 1, units, cohorts);
    }

    private ExchangeRecord record(Random random, int sequence, List<Unit> units, List<Cohort> cohorts) {
        int returned = 1 + random.nextInt(300);
        List<BreakdownLine> lines = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int left = returned;
        for (int l = random.nextInt(6); l > 0 && left > 0; l--) {
            UnitId unit = units.get(random.nextInt(units.size())).id();
            CohortId cohort = random.nextDouble() < 0.2 ? cohorts.get(random.nextInt(cohorts.size())).id() : null;
            if (used.add(unit + "/" + cohort)) {
                int count = 1 + random.nextInt(left);
                left -= count;
                lines.add(new BreakdownLine(unit, cohort, count));
            }
        }
        String operation = random.nextDouble() < 0.05 ? "op-" + random.nextInt(Math.max(1, exchanges / 100)) : null;
        Kind kind = random.nextDouble() < 0.1 ? Kind.BODIES : Kind.PRISONERS;
        Exchange exchange = new Exchange(null, START.plusDays(random.nextInt(4383)), kind, operation, returned,
                1 + random.nextInt(300), null, List.of(), kind == Kind.BODIES ? List.of() : lines, List.of(), null);
        return new ExchangeRecord(ExchangeId.of(String.format("ex_%07d", sequence)), sequence, 1, AT, AT, exchange);
    }

    @Benchmark
    public List<YearFigures> yearly() {
        return statistics.yearly(Window.ALL);
    }

    @Benchmark
    public List<UnitFigures> units() {
        return statistics.units(Window.ALL);
    }

    @Benchmark
    public Page<FirstReturn> firstReturnsFirstPage() {
        return statistics.firstReturns(Window.ALL, new PageRequest(100, null));
    }

    @Benchmark
    public CompactLedger takeInOneBackDatedWrite() {
        return ledger.with(Set.of(backDated.id()), List.of(Stage.of(backDated)), Long.MAX_VALUE).orElseThrow();
    }
}

package org.powledger.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.StatisticsPropertyTest.Action;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;

/**
 * The compact ledger streams exactly what {@link Stage#inStatisticsOrder} puts in order, however it
 * got there: made from a source at once, or carried through a random history of writes (back-dated
 * stages, operations joined and left, kinds changed, deletions) a few writes at a time.
 */
class CompactLedgerTest {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Provide
    Arbitrary<Case> histories() {
        return Arbitraries.randomValue(StatisticsPropertyTest::randomCase);
    }

    @Property(tries = 1500)
    void writes_taken_in_a_few_at_a_time_leave_the_stages_in_statistics_order(@ForAll("histories") Case c) {
        Random batches = new Random(c.actions().size());
        Map<ExchangeId, ExchangeRecord> live = new LinkedHashMap<>();
        long sequence = 0;
        CompactLedger compact = CompactLedger.of(action -> { }, NO_LIMIT).orElseThrow();
        Set<ExchangeId> written = new HashSet<>();
        for (Action action : c.actions()) {
            if (action instanceof Action.Added a) {
                live.put(a.id(), new ExchangeRecord(a.id(), ++sequence, 1, AT, AT, a.exchange()));
            } else if (action instanceof Action.Replaced r) {
                live.put(r.id(), live.get(r.id()).replacedBy(r.exchange(), AT));
            } else {
                live.remove(action.id());
            }
            written.add(action.id());
            if (batches.nextInt(3) == 0) {
                compact = takeIn(compact, written, live);
                written.clear();
                assertThat(stagesOf(compact)).isEqualTo(Stage.inStatisticsOrder(live.values()));
            }
        }
        compact = takeIn(compact, written, live);
        assertThat(stagesOf(compact)).isEqualTo(Stage.inStatisticsOrder(live.values()));
        assertThat(stagesOf(CompactLedger.of(LedgerStatistics.inMemory(live.values()), NO_LIMIT).orElseThrow()))
                .isEqualTo(Stage.inStatisticsOrder(live.values()));
    }

    @Test
    void a_back_dated_stage_moves_its_whole_operation_to_its_date() {
        ExchangeRecord first = record("a", 1, "2024-05-10", "op");
        ExchangeRecord alone = record("b", 2, "2024-03-01", null);
        ExchangeRecord second = record("c", 3, "2024-05-20", "op");
        CompactLedger before = CompactLedger.of(LedgerStatistics.inMemory(List.of(first, alone, second)), NO_LIMIT)
                .orElseThrow();
        assertThat(ids(before)).containsExactly("b", "a", "c");

        ExchangeRecord backDated = record("d", 4, "2024-01-02", "op");
        CompactLedger after = before.with(Set.of(backDated.id()), List.of(Stage.of(backDated)), NO_LIMIT).orElseThrow();

        assertThat(ids(after)).containsExactly("d", "a", "c", "b");
        assertThat(ids(before)).as("the ledger a walk in progress holds").containsExactly("b", "a", "c");
    }

    @Test
    void a_ledger_larger_than_its_budget_is_not_held() {
        List<ExchangeRecord> records = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            records.add(record("x" + i, i, "2023-01-01", null));
        }
        CompactLedger all = CompactLedger.of(LedgerStatistics.inMemory(records), NO_LIMIT).orElseThrow();
        long budget = all.bytes() / 2;

        assertThat(CompactLedger.of(LedgerStatistics.inMemory(records), budget)).isEmpty();
        CompactLedger half = CompactLedger.of(LedgerStatistics.inMemory(records.subList(0, 400)), budget).orElseThrow();
        ExchangeRecord more = record("y", 2000, "2023-02-01", null);
        assertThat(half.with(Set.of(more.id()), List.of(Stage.of(more)), half.bytes())).isEmpty();
        assertThat(half.with(Set.of(more.id()), List.of(Stage.of(more)), budget)).isPresent();
    }

    @Test
    void lines_keep_their_units_cohorts_and_counts() {
        Exchange exchange = new Exchange(null, LocalDate.parse("2022-09-21"), Kind.PRISONERS, null, 215, null, null,
                List.of(), List.of(new BreakdownLine(UnitId.of("azov"), CohortId.of("azovstal"), 108),
                        new BreakdownLine(null, CohortId.of("mariupol"), 7)),
                List.of(), null);
        ExchangeRecord record = new ExchangeRecord(ExchangeId.of("ex_1"), 1, 1, AT, AT, exchange);

        CompactLedger compact = CompactLedger.of(LedgerStatistics.inMemory(List.of(record)), NO_LIMIT).orElseThrow();

        assertThat(stagesOf(compact)).containsExactly(Stage.of(record));
    }

    private static CompactLedger takeIn(CompactLedger compact, Set<ExchangeId> written,
                                        Map<ExchangeId, ExchangeRecord> live) {
        List<Stage> current = new ArrayList<>();
        written.stream().filter(live::containsKey).forEach(id -> current.add(Stage.of(live.get(id))));
        return compact.with(Set.copyOf(written), current, NO_LIMIT).orElseThrow();
    }

    private static List<Stage> stagesOf(StageSource source) {
        List<Stage> stages = new ArrayList<>();
        source.forEachStage(stages::add);
        return stages;
    }

    private static List<String> ids(StageSource source) {
        return stagesOf(source).stream().map(s -> s.id().value()).toList();
    }

    private static ExchangeRecord record(String id, long sequence, String date, String operation) {
        Exchange exchange = new Exchange(null, LocalDate.parse(date), Kind.PRISONERS, operation, 10, null, null,
                List.of(), List.of(), List.of(), null);
        return new ExchangeRecord(ExchangeId.of(id), sequence, 1, AT, AT, exchange);
    }
}

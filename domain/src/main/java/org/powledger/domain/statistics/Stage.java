package org.powledger.domain.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangePosition;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Kind;

/**
 * One live exchange record as the statistics read it: only its figures (no notes, sources or
 * mediators), so that a store can stream a million of them through a small heap.
 *
 * <p>Statistics read stages in <em>statistics order</em>: the stages of one exchange (one record, or
 * every stage of one operation: same {@code operation}, same kind) one after the other, in their own
 * ledger order, and the exchanges in ledger order of their earliest stage (its date, then its
 * sequence). {@link #inStatisticsOrder} is that order, defined once; a store that sorts in SQL is held
 * to it by the statistics property test run against every store.
 */
public record Stage(ExchangeId id, long sequence, LocalDate date, Kind kind, String operation, long returned,
                    long handedOver, long civilians, List<BreakdownLine> lines) {

    public Stage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(date);
        Objects.requireNonNull(kind);
        lines = List.copyOf(lines);
    }

    public static Stage of(ExchangeRecord record) {
        var e = record.exchange();
        return new Stage(record.id(), record.sequence(), e.date(), e.kind(), e.operation(), e.returned(),
                e.handedOver() == null ? 0 : e.handedOver(), e.civilians() == null ? 0 : e.civilians(),
                e.breakdown());
    }

    public ExchangePosition position() {
        return new ExchangePosition(date, sequence);
    }

    /** What makes stages one exchange: the same operation within the same kind, else the record alone. */
    Object exchangeKey() {
        return operation == null ? id : operationKey(kind, operation);
    }

    /** The key of the exchange made of the stages of {@code operation} within {@code kind}. */
    static Object operationKey(Kind kind, String operation) {
        return new OperationKey(kind, operation);
    }

    private record OperationKey(Kind kind, String operation) {
    }

    /** The records in statistics order (see the class comment), for stores that hold them in memory. */
    public static List<Stage> inStatisticsOrder(Collection<ExchangeRecord> records) {
        List<Stage> stages = new ArrayList<>(records.size());
        records.forEach(r -> stages.add(of(r)));
        return sortedInStatisticsOrder(stages);
    }

    /** The stages, holding every stage of each exchange among them, in statistics order. */
    static List<Stage> sortedInStatisticsOrder(Collection<Stage> unordered) {
        List<Stage> stages = new ArrayList<>(unordered);
        Map<Object, ExchangePosition> earliest = new HashMap<>();
        for (Stage s : stages) {
            earliest.merge(s.exchangeKey(), s.position(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        stages.sort(Comparator.comparing((Stage s) -> earliest.get(s.exchangeKey())).thenComparing(Stage::position));
        return stages;
    }
}

package org.powledger.domain.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangePosition;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;

/**
 * One exchange as every statistic counts it: a single record, or every stage of one operation (same
 * {@code operation}, same kind) with their numbers and lines summed, placed where its earliest stage
 * stands in the ledger (that stage's date and recording order) and named by that stage's id.
 */
final class CountedExchange {

    /** A breakdown line with the counts of every stage that has the same unit and cohort summed. */
    record Line(UnitId unit, CohortId cohort, long count) {
    }

    final Kind kind;
    final ExchangeId id;
    final ExchangePosition position;
    final long returned;
    final long handedOver;
    final long civilians;
    final List<Line> lines;
    /** Filled in once the whole ledger is in order; prisoners only, empty for bodies. */
    List<UnitId> firstTimeUnits = List.of();

    private CountedExchange(Gathering g) {
        this.kind = g.kind;
        this.id = g.firstStage;
        this.position = g.position;
        this.returned = g.returned;
        this.handedOver = g.handedOver;
        this.civilians = g.civilians;
        List<Line> merged = new ArrayList<>(g.lines.size());
        g.lines.values().forEach(l -> merged.add(new Line(l.unit, l.cohort, l.count)));
        this.lines = List.copyOf(merged);
    }

    LocalDate date() {
        return position.date();
    }

    boolean isOfPrisoners() {
        return kind == Kind.PRISONERS;
    }

    /** What makes stages one exchange: the same operation within the same kind. */
    static Object groupKey(ExchangeRecord record) {
        String operation = record.exchange().operation();
        return operation == null ? record.id() : new OperationKey(record.exchange().kind(), operation);
    }

    private record OperationKey(Kind kind, String operation) {
    }

    /** The stages of one exchange as they are collected, in any order. */
    static final class Gathering {
        private final Kind kind;
        private ExchangeId firstStage;
        private ExchangePosition position;
        private long returned;
        private long handedOver;
        private long civilians;
        private final Map<String, MutableLine> lines = new LinkedHashMap<>();

        Gathering(Kind kind) {
            this.kind = Objects.requireNonNull(kind);
        }

        void add(ExchangeRecord record) {
            ExchangePosition stage = ExchangePosition.of(record);
            if (position == null || stage.compareTo(position) < 0) {
                position = stage;
                firstStage = record.id();
            }
            var exchange = record.exchange();
            returned += exchange.returned();
            handedOver += exchange.handedOver() == null ? 0 : exchange.handedOver();
            civilians += exchange.civilians() == null ? 0 : exchange.civilians();
            for (BreakdownLine line : exchange.breakdown()) {
                lines.computeIfAbsent(line.key(), k -> new MutableLine(line.unit(), line.cohort())).count +=
                        line.count();
            }
        }

        CountedExchange done() {
            return new CountedExchange(this);
        }
    }

    private static final class MutableLine {
        final UnitId unit;
        final CohortId cohort;
        long count;

        MutableLine(UnitId unit, CohortId cohort) {
            this.unit = unit;
            this.cohort = cohort;
        }
    }
}

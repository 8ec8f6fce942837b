package org.powledger.domain.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangePosition;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;

/**
 * One exchange as every statistic counts it: a single record, or every stage of one operation (same
 * {@code operation}, same kind) with their numbers and lines summed, placed where its earliest stage
 * stands in the ledger (that stage's date and recording order) and named by that stage's id. Lives
 * only while a walk over the ledger looks at it.
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
    final List<ExchangeId> stages;
    /** Set by the walk, which has seen every earlier exchange; prisoners only, empty for bodies. */
    List<UnitId> firstTimeUnits = List.of();

    private CountedExchange(Gathering g) {
        this.kind = g.kind;
        this.id = g.first.id();
        this.position = g.first.position();
        this.returned = g.returned;
        this.handedOver = g.handedOver;
        this.civilians = g.civilians;
        List<Line> merged;
        if (g.lines == null) {
            merged = new ArrayList<>(g.firstLines.size());
            g.firstLines.forEach(l -> merged.add(new Line(l.unit(), l.cohort(), l.count())));
        } else {
            merged = new ArrayList<>(g.lines.size());
            g.lines.values().forEach(l -> merged.add(new Line(l.unit, l.cohort, l.count)));
        }
        this.lines = merged;
        this.stages = g.stages;
    }

    LocalDate date() {
        return position.date();
    }

    boolean isOfPrisoners() {
        return kind == Kind.PRISONERS;
    }

    /** The stages of one exchange as they arrive, earliest first (statistics order). */
    static final class Gathering {
        private final Kind kind;
        private final Object key;
        private final Stage first;
        private long returned;
        private long handedOver;
        private long civilians;
        private final List<ExchangeId> stages = new ArrayList<>(1);
        /** The first stage's lines, as they are while it is the only stage (a record's lines are distinct). */
        private final List<BreakdownLine> firstLines;
        /** Every stage's lines summed by unit and cohort, once a second stage comes. */
        private Map<String, MutableLine> lines;

        Gathering(Stage first) {
            this.kind = first.kind();
            this.key = first.exchangeKey();
            this.first = first;
            this.firstLines = first.lines();
            count(first);
        }

        /** Whether {@code stage} is a stage of this exchange. */
        boolean holds(Stage stage) {
            return key.equals(stage.exchangeKey());
        }

        /** Adds a further stage of this exchange. */
        void add(Stage stage) {
            if (lines == null) {
                lines = new LinkedHashMap<>();
                merge(firstLines);
            }
            count(stage);
            merge(stage.lines());
        }

        private void count(Stage stage) {
            stages.add(stage.id());
            returned += stage.returned();
            handedOver += stage.handedOver();
            civilians += stage.civilians();
        }

        private void merge(List<BreakdownLine> more) {
            for (BreakdownLine line : more) {
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

package org.powledger.domain.statistics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.UnitId;

/**
 * The lines of the exchanges of living people in one window, added up as a walk hands them over, once per unit (own lines, and
 * rolled up into every unit above), per cohort and per cohort and unit (rolled up the same way).
 * An exchange counts once for every unit, cohort or pair it touches, however many lines it has there.
 */
final class Tally {

    static final class Figures {
        long own;
        long returned;
        long exchanges;
        LocalDate first;
        LocalDate last;

        void countExchange(LocalDate date) {
            exchanges++;
            if (first == null) {
                first = date;
            }
            last = date;
        }
    }

    record CohortUnit(CohortId cohort, UnitId unit) {
    }

    private static final Figures NONE = new Figures();

    private final Map<UnitId, Figures> units = new HashMap<>();
    private final Map<CohortId, Figures> cohorts = new HashMap<>();
    private final Map<CohortUnit, Figures> cohortUnits = new HashMap<>();
    private final Map<CohortId, Set<UnitId>> unitsOnCohortLines = new HashMap<>();

    private final Function<UnitId, List<UnitId>> chain;
    private final Set<Object> touched = new HashSet<>();

    /** {@code chain} gives a unit and every unit above it. */
    Tally(Function<UnitId, List<UnitId>> chain) {
        this.chain = chain;
    }

    /** Adds one exchange; exchanges come in ledger order. */
    void add(CountedExchange exchange) {
        if (!exchange.isOfPrisoners()) {
            return;
        }
        touched.clear();
        for (CountedExchange.Line line : exchange.lines) {
            if (line.unit() != null) {
                units.computeIfAbsent(line.unit(), k -> new Figures()).own += line.count();
                for (UnitId above : chain.apply(line.unit())) {
                    add(units, above, line.count(), exchange.date(), touched);
                }
            }
            if (line.cohort() != null) {
                add(cohorts, line.cohort(), line.count(), exchange.date(), touched);
                if (line.unit() != null) {
                    unitsOnCohortLines.computeIfAbsent(line.cohort(), k -> new TreeSet<>()).add(line.unit());
                    for (UnitId above : chain.apply(line.unit())) {
                        add(cohortUnits, new CohortUnit(line.cohort(), above), line.count(), exchange.date(),
                                touched);
                    }
                }
            }
        }
    }

    private static <K> void add(Map<K, Figures> map, K key, long count, LocalDate date, Set<Object> touched) {
        Figures figures = map.computeIfAbsent(key, k -> new Figures());
        figures.returned += count;
        if (touched.add(key)) {
            figures.countExchange(date);
        }
    }

    Figures unit(UnitId unit) {
        return units.getOrDefault(unit, NONE);
    }

    Figures cohort(CohortId cohort) {
        return cohorts.getOrDefault(cohort, NONE);
    }

    Figures cohortUnit(CohortId cohort, UnitId unit) {
        return cohortUnits.getOrDefault(new CohortUnit(cohort, unit), NONE);
    }

    /** The units, exactly as recorded, on lines tagged with the cohort. */
    Set<UnitId> unitsOnLinesOf(CohortId cohort) {
        return unitsOnCohortLines.getOrDefault(cohort, Set.of());
    }
}

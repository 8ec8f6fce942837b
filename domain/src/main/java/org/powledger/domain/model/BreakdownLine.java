package org.powledger.domain.model;

import java.util.Optional;

/**
 * How many of an exchange's returned people belong to a unit, to a captured cohort, or to both.
 * Lines are exclusive: a person counted under a sub-unit is not also counted under its parent.
 */
public record BreakdownLine(UnitId unit, CohortId cohort, int count) {

    public BreakdownLine {
        Violations v = new Violations();
        v.check(unit != null || cohort != null, "/unit", "a line names a unit, a cohort, or both");
        v.check(count >= 1 && count <= Exchange.MAX_RETURNED, "/count",
                "must be between 1 and " + Exchange.MAX_RETURNED);
        v.throwIfAny();
    }

    public Optional<UnitId> unitId() {
        return Optional.ofNullable(unit);
    }

    public Optional<CohortId> cohortId() {
        return Optional.ofNullable(cohort);
    }

    /** The pair that may appear at most once in an exchange's breakdown. */
    public String key() {
        return (unit == null ? "" : unit.value()) + "/" + (cohort == null ? "" : cohort.value());
    }
}

package org.powledger.domain.port.in;

import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Violations;

/** A cohort as a client sent it; {@code id} comes from the path. */
public record CohortDraft(String id, String name, Integer size, Boolean sizeApproximate, String description)
        implements LedgerDraft {

    public Cohort toCohort() {
        Violations v = new Violations();
        CohortId cohortId = v.attempt("/id", () -> CohortId.of(id)).orElse(null);
        Cohort cohort = v.attempt("", () -> new Cohort(cohortId, name, size,
                Boolean.TRUE.equals(sizeApproximate), description)).orElse(null);
        v.throwIfAny();
        return cohort;
    }
}

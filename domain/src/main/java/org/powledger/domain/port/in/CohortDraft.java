package org.powledger.domain.port.in;

import java.util.Set;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Violations;

/** A cohort as a client sent it; {@code id} comes from the path. */
public record CohortDraft(String id, String name, Integer size, Boolean sizeApproximate, String description)
        implements LedgerDraft {

    /** This draft with every field that {@code given} does not name taken from {@code stored}. */
    public CohortDraft keeping(Cohort stored, Set<String> given) {
        return new CohortDraft(id, ImportLine.gives(given, "name") ? name : stored.name(),
                ImportLine.gives(given, "size") ? size : stored.size(),
                ImportLine.gives(given, "sizeApproximate") ? sizeApproximate : Boolean.valueOf(stored.sizeApproximate()),
                ImportLine.gives(given, "description") ? description : stored.description());
    }

    public Cohort toCohort() {
        Violations v = new Violations();
        CohortId cohortId = v.attempt("/id", () -> CohortId.of(id)).orElse(null);
        Cohort cohort = v.attempt("", () -> new Cohort(cohortId, name, size,
                Boolean.TRUE.equals(sizeApproximate), description)).orElse(null);
        v.throwIfAny();
        return cohort;
    }
}

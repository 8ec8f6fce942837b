package org.powledger.domain.port.out;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;

/** The captured cohorts the ledger knows. */
public interface Cohorts {

    /** Inserts or overwrites the cohort with this id. */
    void save(Versioned<Cohort> cohort);

    void remove(CohortId id);

    Optional<Versioned<Cohort>> byId(CohortId id);

    /** Ordered by id. */
    Page<Versioned<Cohort>> list(PageRequest page);

    List<Cohort> all();
}

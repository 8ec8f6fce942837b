package org.powledger.domain.port.in;

import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;

/** Keeping cohorts: create or replace, read, list, delete. */
public interface KeepingCohorts {

    Saved<Cohort> put(CohortDraft draft, Integer expectedVersion, Actor actor);

    Versioned<Cohort> get(CohortId id);

    Page<Versioned<Cohort>> list(PageRequest page);

    void delete(CohortId id, Actor actor);
}

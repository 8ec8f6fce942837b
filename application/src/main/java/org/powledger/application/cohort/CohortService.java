package org.powledger.application.cohort;

import java.time.Clock;
import java.util.Objects;
import org.powledger.application.VersionedPut;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;
import org.powledger.domain.port.in.KeepingCohorts;
import org.powledger.domain.port.in.Saved;
import org.powledger.domain.port.out.LedgerStore;

/** Keeping cohorts: no cohort deleted while an exchange line or a report refers to it. */
public final class CohortService implements KeepingCohorts {

    private final LedgerStore store;
    private final Clock clock;

    public CohortService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Saved<Cohort> put(CohortDraft draft, Integer expectedVersion, Actor actor) {
        Cohort cohort = draft.toCohort();
        return store.transactions().write(() -> VersionedPut.put(store.cohorts().byId(cohort.id()), cohort,
                expectedVersion, clock.instant(), store.cohorts()::save));
    }

    @Override
    public Versioned<Cohort> get(CohortId id) {
        return store.transactions().read(() -> store.cohorts().byId(id))
                .orElseThrow(() -> new NotFound("cohort", id.value()));
    }

    @Override
    public Page<Versioned<Cohort>> list(PageRequest page) {
        return store.transactions().read(() -> store.cohorts().list(page));
    }

    @Override
    public void delete(CohortId id, Actor actor) {
        store.transactions().write(() -> {
            get(id);
            if (store.exchanges().anyLineWith(id)) {
                throw new Conflict("cohort '" + id + "' is still named on an exchange's breakdown");
            }
            if (store.reports().anyNaming(id)) {
                throw new Conflict("cohort '" + id + "' is still named by a report");
            }
            store.cohorts().remove(id);
        });
    }
}

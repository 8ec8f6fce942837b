package org.powledger.persistence.memory;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.Cohorts;

final class InMemoryCohorts implements Cohorts {

    private final SlugTable<CohortId, Cohort> table;

    InMemoryCohorts(MemoryLedger ledger) {
        this.table = new SlugTable<>(ledger, c -> c.value().id(), CohortId::value);
    }

    @Override
    public void save(Versioned<Cohort> cohort) {
        table.save(cohort);
    }

    @Override
    public void remove(CohortId id) {
        table.remove(id);
    }

    @Override
    public Optional<Versioned<Cohort>> byId(CohortId id) {
        return table.byId(id);
    }

    @Override
    public Page<Versioned<Cohort>> list(PageRequest page) {
        return table.list(page);
    }

    @Override
    public List<Cohort> all() {
        return table.all();
    }
}

package org.powledger.persistence.memory;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.Units;

final class InMemoryUnits implements Units {

    private final SlugTable<UnitId, Unit> table;

    InMemoryUnits(MemoryLedger ledger) {
        this.table = new SlugTable<>(ledger, u -> u.value().id(), UnitId::value);
    }

    @Override
    public void save(Versioned<Unit> unit) {
        table.save(unit);
    }

    @Override
    public void remove(UnitId id) {
        table.remove(id);
    }

    @Override
    public Optional<Versioned<Unit>> byId(UnitId id) {
        return table.byId(id);
    }

    @Override
    public Page<Versioned<Unit>> list(PageRequest page) {
        return table.list(page);
    }

    @Override
    public List<Unit> all() {
        return table.all();
    }
}

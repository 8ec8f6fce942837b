package org.powledger.application.unit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.powledger.application.VersionedPut;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.UnitTree;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.KeepingUnits;
import org.powledger.domain.port.in.Saved;
import org.powledger.domain.port.in.UnitDraft;
import org.powledger.domain.port.out.LedgerStore;

/** Keeping the unit tree whole: no unknown parents, no cycles, no unit deleted while referred to. */
public final class UnitService implements KeepingUnits {

    private final LedgerStore store;
    private final Clock clock;

    public UnitService(LedgerStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Saved<Unit> put(UnitDraft draft, Integer expectedVersion, Actor actor) {
        Unit unit = draft.toUnit();
        return store.transactions().write(() -> {
            requireParentFits(unit);
            return VersionedPut.put(store.units().byId(unit.id()), unit, expectedVersion, clock.instant(),
                    store.units()::save);
        });
    }

    @Override
    public Versioned<Unit> get(UnitId id) {
        return store.transactions().read(() -> store.units().byId(id))
                .orElseThrow(() -> new NotFound("unit", id.value()));
    }

    @Override
    public Page<Versioned<Unit>> list(PageRequest page) {
        return store.transactions().read(() -> store.units().list(page));
    }

    @Override
    public void delete(UnitId id, Actor actor) {
        store.transactions().write(() -> {
            get(id);
            if (new UnitTree(store.units().all()).hasChildren(id)) {
                throw new Conflict("unit '" + id + "' still has sub-units");
            }
            if (store.exchanges().anyLineWith(id)) {
                throw new Conflict("unit '" + id + "' is still named on an exchange's breakdown");
            }
            if (store.reports().anyNaming(id)) {
                throw new Conflict("unit '" + id + "' is still named by a report");
            }
            store.units().remove(id);
        });
    }

    private void requireParentFits(Unit unit) {
        if (unit.parent() == null) {
            return;
        }
        List<Unit> all = new ArrayList<>(store.units().all());
        if (all.stream().noneMatch(u -> u.id().equals(unit.parent()))) {
            throw InvalidRecord.of("/parent", "unknown unit '" + unit.parent() + "'");
        }
        all.removeIf(u -> u.id().equals(unit.id()));
        all.add(unit);
        if (new UnitTree(all).wouldCycle(unit.id(), unit.parent())) {
            throw InvalidRecord.of("/parent", "would place unit '" + unit.id() + "' under itself");
        }
    }
}

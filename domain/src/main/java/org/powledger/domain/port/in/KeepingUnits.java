package org.powledger.domain.port.in;

import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;

/** Keeping the unit tree: create or replace a unit, read, list, delete. */
public interface KeepingUnits {

    /** Creates the unit, or replaces it when {@code expectedVersion} (from {@code If-Match}) is current. */
    Saved<Unit> put(UnitDraft draft, Integer expectedVersion, Actor actor);

    Versioned<Unit> get(UnitId id);

    Page<Versioned<Unit>> list(PageRequest page);

    void delete(UnitId id, Actor actor);
}

package org.powledger.domain.port.out;

import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;

/** The units the ledger knows. */
public interface Units {

    /** Inserts or overwrites the unit with this id. */
    void save(Versioned<Unit> unit);

    void remove(UnitId id);

    Optional<Versioned<Unit>> byId(UnitId id);

    /** Ordered by id. */
    Page<Versioned<Unit>> list(PageRequest page);

    List<Unit> all();
}

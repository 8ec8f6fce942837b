package org.powledger.domain.port.in;

import java.util.Set;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Violations;

/** A unit as a client sent it; {@code id} comes from the path. */
public record UnitDraft(String id, String name, String parent) implements LedgerDraft {

    /** This draft with every field that {@code given} does not name taken from {@code stored}. */
    public UnitDraft keeping(Unit stored, Set<String> given) {
        return new UnitDraft(id, ImportLine.gives(given, "name") ? name : stored.name(),
                ImportLine.gives(given, "parent") ? parent : stored.parent() == null ? null : stored.parent().value());
    }

    public Unit toUnit() {
        Violations v = new Violations();
        UnitId unitId = v.attempt("/id", () -> UnitId.of(id)).orElse(null);
        UnitId parentId = parent == null ? null : v.attempt("/parent", () -> UnitId.of(parent)).orElse(null);
        Unit unit = v.attempt("", () -> new Unit(unitId, name, parentId)).orElse(null);
        v.throwIfAny();
        return unit;
    }
}

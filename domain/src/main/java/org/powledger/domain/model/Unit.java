package org.powledger.domain.model;

import java.util.Optional;

/** A military unit; {@code parent} places it in the tree (Territorial Defence under the Armed Forces). */
public record Unit(UnitId id, String name, UnitId parent) {

    public Unit {
        name = Text.optional(name);
        Violations v = new Violations();
        v.check(id != null, "/id", "is required");
        Text.checkRequired(v, name, 200, "/name");
        v.check(parent == null || !parent.equals(id), "/parent", "a unit cannot be its own parent");
        v.throwIfAny();
    }

    public Optional<UnitId> parentId() {
        return Optional.ofNullable(parent);
    }
}

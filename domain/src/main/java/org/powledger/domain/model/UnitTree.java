package org.powledger.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The units as a tree: who is under whom, so that a unit's figures can include its sub-units. */
public final class UnitTree {

    private final Map<UnitId, Unit> units = new HashMap<>();
    private final Map<UnitId, List<UnitId>> children = new HashMap<>();

    public UnitTree(Collection<Unit> all) {
        for (Unit unit : all) {
            units.put(unit.id(), unit);
        }
        for (Unit unit : all) {
            unit.parentId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(unit.id()));
        }
    }

    public boolean contains(UnitId id) {
        return units.containsKey(id);
    }

    public Collection<Unit> units() {
        return units.values();
    }

    /** The unit itself and everything below it. */
    public Set<UnitId> subtree(UnitId root) {
        Set<UnitId> seen = new LinkedHashSet<>();
        List<UnitId> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            UnitId next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    /** The unit itself and every unit above it, nearest first. */
    public List<UnitId> selfAndAncestors(UnitId id) {
        List<UnitId> chain = new ArrayList<>();
        Set<UnitId> seen = new HashSet<>();
        UnitId current = id;
        while (current != null && seen.add(current)) {
            chain.add(current);
            Unit unit = units.get(current);
            current = unit == null ? null : unit.parent();
        }
        return chain;
    }

    public boolean hasChildren(UnitId id) {
        return !children.getOrDefault(id, List.of()).isEmpty();
    }

    /** Whether giving {@code id} the parent {@code parent} would put it under itself. */
    public boolean wouldCycle(UnitId id, UnitId parent) {
        return parent != null && selfAndAncestors(parent).contains(id);
    }
}

package org.powledger.application.integrity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.UnitTree;
import org.powledger.domain.port.in.CheckingLedger;
import org.powledger.domain.port.out.LedgerStore;

/**
 * Checks what the ledger promises beyond the storage's own integrity: records obey the rules (they
 * are re-checked as they are read), lines name known units and cohorts, the unit tree has no cycle,
 * and each live exchange's history ends with its current version.
 */
public final class IntegrityService implements CheckingLedger {

    private final LedgerStore store;

    public IntegrityService(LedgerStore store) {
        this.store = store;
    }

    @Override
    public List<String> check() {
        return store.transactions().read(this::checkSnapshot);
    }

    /** Checks one moment of the ledger: a write landing meanwhile cannot make it report a false problem. */
    private List<String> checkSnapshot() {
        List<String> problems = new ArrayList<>(store.storageProblems());
        if (!problems.isEmpty()) {
            return problems;
        }
        List<Unit> units = store.units().all();
        UnitTree tree = new UnitTree(units);
        Set<UnitId> unitIds = new HashSet<>();
        for (Unit unit : units) {
            unitIds.add(unit.id());
            if (unit.parent() != null && !tree.contains(unit.parent())) {
                problems.add("unit " + unit.id() + " has unknown parent " + unit.parent());
            } else if (unit.parent() != null && tree.wouldCycle(unit.id(), unit.parent())) {
                problems.add("unit " + unit.id() + " is its own ancestor");
            }
        }
        Set<CohortId> cohortIds = new HashSet<>();
        store.cohorts().all().stream().map(Cohort::id).forEach(cohortIds::add);
        store.exchanges().forEach(record -> {
            for (BreakdownLine line : record.exchange().breakdown()) {
                if (line.unit() != null && !unitIds.contains(line.unit())) {
                    problems.add("exchange " + record.id() + " names unknown unit " + line.unit());
                }
                if (line.cohort() != null && !cohortIds.contains(line.cohort())) {
                    problems.add("exchange " + record.id() + " names unknown cohort " + line.cohort());
                }
            }
            List<HistoryEntry> history = store.history().of(record.id());
            HistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
            if (last == null || last.version() != record.version() || last.action() == HistoryEntry.Action.DELETED
                    || !last.exchange().equals(record.exchange())) {
                problems.add("exchange " + record.id() + " version " + record.version()
                        + " does not match the last entry of its history");
            }
        });
        return problems;
    }
}

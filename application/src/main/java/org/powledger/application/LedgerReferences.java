package org.powledger.application;

import java.util.List;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Violations;
import org.powledger.domain.port.out.LedgerStore;

/**
 * The rule that a record may only name units, cohorts and exchanges the ledger holds; every problem
 * is reported with its pointer (422).
 */
public final class LedgerReferences {

    /** Which units and cohorts the ledger holds: asked of the store, or of sets an import keeps. */
    public interface Known {
        boolean unit(UnitId unit);

        boolean cohort(CohortId cohort);
    }

    private final LedgerStore store;
    private final Known known;

    public LedgerReferences(LedgerStore store) {
        this(store, new Known() {
            @Override
            public boolean unit(UnitId unit) {
                return store.units().byId(unit).isPresent();
            }

            @Override
            public boolean cohort(CohortId cohort) {
                return store.cohorts().byId(cohort).isPresent();
            }
        });
    }

    /** The same rule over {@code known}, for an import that reads the units and cohorts once, not per line. */
    public LedgerReferences(LedgerStore store, Known known) {
        this.store = store;
        this.known = known;
    }

    public void requireExist(Exchange exchange) {
        Violations v = new Violations();
        List<BreakdownLine> lines = exchange.breakdown();
        for (int i = 0; i < lines.size(); i++) {
            BreakdownLine line = lines.get(i);
            if (line.unit() != null) {
                v.check(known.unit(line.unit()), "/breakdown/" + i + "/unit",
                        "unknown unit '" + line.unit() + "'");
            }
            if (line.cohort() != null) {
                v.check(known.cohort(line.cohort()), "/breakdown/" + i + "/cohort",
                        "unknown cohort '" + line.cohort() + "'");
            }
        }
        v.throwIfAny();
    }

    public void requireExist(ReportScope scope) {
        Violations v = new Violations();
        if (scope.unit() != null) {
            v.check(known.unit(scope.unit()), "/scope/unit", "unknown unit '" + scope.unit() + "'");
        }
        if (scope.cohort() != null) {
            v.check(known.cohort(scope.cohort()), "/scope/cohort",
                    "unknown cohort '" + scope.cohort() + "'");
        }
        if (scope.exchange() != null) {
            v.check(store.exchanges().byId(scope.exchange()).isPresent(), "/scope/exchange",
                    "unknown exchange '" + scope.exchange() + "'");
        }
        v.throwIfAny();
    }
}

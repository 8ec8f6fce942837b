package org.powledger.application;

import java.util.List;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Violations;
import org.powledger.domain.port.out.LedgerStore;

/**
 * The rule that a record may only name units, cohorts and exchanges the ledger holds; every problem
 * is reported with its pointer (422).
 */
public final class LedgerReferences {

    private final LedgerStore store;

    public LedgerReferences(LedgerStore store) {
        this.store = store;
    }

    public void requireExist(Exchange exchange) {
        Violations v = new Violations();
        List<BreakdownLine> lines = exchange.breakdown();
        for (int i = 0; i < lines.size(); i++) {
            BreakdownLine line = lines.get(i);
            if (line.unit() != null) {
                v.check(store.units().byId(line.unit()).isPresent(), "/breakdown/" + i + "/unit",
                        "unknown unit '" + line.unit() + "'");
            }
            if (line.cohort() != null) {
                v.check(store.cohorts().byId(line.cohort()).isPresent(), "/breakdown/" + i + "/cohort",
                        "unknown cohort '" + line.cohort() + "'");
            }
        }
        v.throwIfAny();
    }

    public void requireExist(ReportScope scope) {
        Violations v = new Violations();
        if (scope.unit() != null) {
            v.check(store.units().byId(scope.unit()).isPresent(), "/scope/unit", "unknown unit '" + scope.unit() + "'");
        }
        if (scope.cohort() != null) {
            v.check(store.cohorts().byId(scope.cohort()).isPresent(), "/scope/cohort",
                    "unknown cohort '" + scope.cohort() + "'");
        }
        if (scope.exchange() != null) {
            v.check(store.exchanges().byId(scope.exchange()).isPresent(), "/scope/exchange",
                    "unknown exchange '" + scope.exchange() + "'");
        }
        v.throwIfAny();
    }
}

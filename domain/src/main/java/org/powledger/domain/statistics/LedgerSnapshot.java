package org.powledger.domain.statistics;

import java.util.List;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Unit;

/**
 * The whole ledger as statistics see it at one revision: the live exchange records (deleted ones are
 * simply absent, replaced ones in their final state), the units, the cohorts and the reports. Any
 * order will do; the statistics put things in ledger order themselves.
 */
public record LedgerSnapshot(List<ExchangeRecord> exchanges, List<Unit> units, List<Cohort> cohorts,
                             List<ReportRecord> reports) {

    public static final LedgerSnapshot EMPTY = new LedgerSnapshot(List.of(), List.of(), List.of(), List.of());

    public LedgerSnapshot {
        exchanges = List.copyOf(exchanges);
        units = List.copyOf(units);
        cohorts = List.copyOf(cohorts);
        reports = List.copyOf(reports);
    }
}

package org.powledger.domain.port.in;

import java.util.Iterator;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.Versioned;

/** Moving a whole ledger in and out: bulk import (all or nothing) and a streamed export. */
public interface TransferringLedger {

    /**
     * Records every line in one transaction, or nothing when any line is bad ({@link ImportRejected}).
     * Lines are read one at a time, so an import of any size needs flat memory. A record with a known
     * id or {@code ref} is updated, or counted unchanged when it already says the same.
     */
    ImportOutcome importLines(Iterator<ImportLine> lines, boolean dryRun, Actor actor);

    /** Hands every live record to {@code sink} in an order that {@link #importLines} accepts back. */
    void export(LedgerSink sink);

    record ImportOutcome(long created, long updated, long unchanged) {
    }

    /** Receives the ledger record by record: units (parents first), cohorts, exchanges, reports. */
    interface LedgerSink {
        void unit(Versioned<Unit> unit);

        void cohort(Versioned<Cohort> cohort);

        void exchange(ExchangeRecord exchange);

        void report(ReportRecord report);
    }
}

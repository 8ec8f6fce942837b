package org.powledger.persistence.sql;

import org.powledger.domain.port.out.LedgerRevision;

/** {@code ledger_state.revision}: moved on by every committed write, by any process sharing the database. */
final class SqlLedgerRevision implements LedgerRevision {

    private final SqlDatabase db;

    SqlLedgerRevision(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public long current() {
        return db.revision();
    }
}

package org.powledger.persistence.sqlite;

import org.powledger.domain.port.out.LedgerRevision;

/** {@code ledger_state.revision}: moved on by every committed write, by any process sharing the file. */
final class SqliteLedgerRevision implements LedgerRevision {

    private final SqliteDatabase db;

    SqliteLedgerRevision(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public long current() {
        return db.revision();
    }
}

package org.powledger.persistence.sqlite;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Transactions;

/** {@code BEGIN IMMEDIATE} on the single writer connection; see {@link SqliteDatabase}. */
final class SqliteTransactions implements Transactions {

    private final SqliteDatabase db;

    SqliteTransactions(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return db.transaction(work);
    }
}

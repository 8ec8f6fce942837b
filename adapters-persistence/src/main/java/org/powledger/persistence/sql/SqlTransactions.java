package org.powledger.persistence.sql;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Transactions;

/**
 * Writes: one transaction of the database, alone among writes, that may share its commit with writes that
 * arrive together ({@link SqlDatabase#transaction}). Reads:
 * a read-only transaction on a pooled connection that sees one moment without any lock a writer waits
 * for ({@link SqlDatabase#snapshot}).
 */
final class SqlTransactions implements Transactions {

    private final SqlDatabase db;

    SqlTransactions(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return db.transaction(work);
    }

    @Override
    public <T> T writeAlone(Supplier<T> work) {
        return db.transactionAlone(work);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return db.snapshot(handle -> work.get());
    }
}

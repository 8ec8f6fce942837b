package org.powledger.persistence.sqlite;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Transactions;

/**
 * Writes: {@code BEGIN IMMEDIATE} on the single writer connection. Reads: a deferred {@code BEGIN} on a
 * pooled reader connection, which WAL serves from the last commit before it without any lock a writer
 * waits for. See {@link SqliteDatabase}.
 */
final class SqliteTransactions implements Transactions {

    private final SqliteDatabase db;

    SqliteTransactions(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return db.transaction(work);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return db.snapshot(handle -> work.get());
    }
}

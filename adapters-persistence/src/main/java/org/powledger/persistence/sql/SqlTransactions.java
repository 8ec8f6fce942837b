package org.powledger.persistence.sql;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Transactions;

/** One write transaction of the database, alone among writes; see {@link SqlDatabase#transaction}. */
final class SqlTransactions implements Transactions {

    private final SqlDatabase db;

    SqlTransactions(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return db.transaction(work);
    }
}

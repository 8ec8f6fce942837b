package org.powledger.persistence.postgresql;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TransactionsContract;

class PostgresTransactionsTest extends TransactionsContract {

    @Override
    protected LedgerStore newStore() {
        return PostgresLedgerStore.open(TestPostgres.emptyLedger(), null);
    }
}

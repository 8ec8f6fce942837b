package org.powledger.persistence.memory;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TransactionsContract;

class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}

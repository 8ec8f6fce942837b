package org.powledger.persistence.memory;

import java.time.Duration;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TransactionsContract;

class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }

    @Override
    protected LedgerStore newStore(Duration writeWait) {
        return new InMemoryLedgerStore(writeWait);
    }
}

package org.powledger.persistence.memory;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.ExchangesContract;

class InMemoryExchangesTest extends ExchangesContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}

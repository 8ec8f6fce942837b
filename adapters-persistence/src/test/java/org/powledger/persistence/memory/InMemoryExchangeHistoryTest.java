package org.powledger.persistence.memory;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.ExchangeHistoryContract;

class InMemoryExchangeHistoryTest extends ExchangeHistoryContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}

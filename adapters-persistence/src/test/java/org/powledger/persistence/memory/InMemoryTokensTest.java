package org.powledger.persistence.memory;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TokensContract;

class InMemoryTokensTest extends TokensContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}

package org.powledger.persistence.memory;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.IdempotencyKeysContract;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}

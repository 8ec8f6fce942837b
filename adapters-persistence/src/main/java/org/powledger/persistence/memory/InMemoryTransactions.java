package org.powledger.persistence.memory;

import java.util.function.Supplier;
import org.powledger.domain.port.out.Transactions;

final class InMemoryTransactions implements Transactions {

    private final MemoryLedger ledger;

    InMemoryTransactions(MemoryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return ledger.write(work);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return ledger.readTransaction(work);
    }
}

package org.powledger.persistence.postgresql;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.ExchangeHistoryContract;

class PostgresExchangeHistoryTest extends ExchangeHistoryContract {

    @Override
    protected LedgerStore newStore() {
        return PostgresLedgerStore.open(TestPostgres.emptyLedger(), null);
    }
}

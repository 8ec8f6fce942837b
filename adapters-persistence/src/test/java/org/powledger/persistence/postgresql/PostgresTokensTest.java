package org.powledger.persistence.postgresql;

import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TokensContract;

class PostgresTokensTest extends TokensContract {

    @Override
    protected LedgerStore newStore() {
        return PostgresLedgerStore.open(TestPostgres.emptyLedger(), null);
    }
}

package org.powledger.persistence.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.TransactionsContract;

class SqliteTransactionsTest extends TransactionsContract {

    @TempDir
    Path folder;

    @Override
    protected LedgerStore newStore() {
        return SqliteLedgerStore.open(folder.resolve("ledger.db"));
    }

    @Override
    protected LedgerStore newStore(Duration writeWait) {
        return SqliteLedgerStore.open(folder.resolve("waiting.db"), null, writeWait);
    }
}

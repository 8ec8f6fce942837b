package org.powledger.persistence.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.contract.LedgerStoreContract;

class SqliteLedgerStoreContractTest extends LedgerStoreContract {

    @TempDir
    Path folder;

    @Override
    protected LedgerStore newStore() {
        return SqliteLedgerStore.open(folder.resolve("ledger.db"));
    }
}

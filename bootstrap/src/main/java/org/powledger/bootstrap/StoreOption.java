package org.powledger.bootstrap;

import picocli.CommandLine.Option;

/** {@code --db}, shared by every command that opens the ledger. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "DB", defaultValue = "${env:POWLEDGER_DB:-./powledger.db}",
            description = "SQLite file path, memory: (gone on exit), or a jdbc:postgresql:// URL. "
                    + "Env: POWLEDGER_DB. Default: ${DEFAULT-VALUE}")
    String db;

    Ledger open() {
        return Ledger.open(db);
    }
}

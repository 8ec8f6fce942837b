package org.powledger.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import org.powledger.persistence.LedgerStores;
import org.powledger.persistence.postgresql.PostgresLocation;
import picocli.CommandLine.Option;

/** {@code --db}, shared by every command that opens the ledger. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "DB", defaultValue = "${env:POWLEDGER_DB:-./powledger.db}",
            description = "SQLite file path (it must exist: only serve and copy --to create a ledger), "
                    + "memory: (gone on exit), or a jdbc:postgresql:// URL. Env: POWLEDGER_DB. Default: ${DEFAULT-VALUE}")
    String db;

    /**
     * Opens a ledger that must already exist. One rule for every command but {@code serve} (and
     * {@code copy --to}): a SQLite path naming no file (a typo, a backup never written) is an error,
     * never a new empty ledger silently made where the user expected theirs.
     */
    Ledger openExisting() {
        return openExisting(db);
    }

    /** {@link #openExisting()} for any {@code --db} value. */
    static Ledger openExisting(String db) {
        if (!db.equals(LedgerStores.MEMORY) && !db.startsWith(PostgresLocation.PREFIX)) {
            String path = db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
            if (!Files.isRegularFile(Path.of(path))) {
                throw new UsageError("no such ledger file: " + path + " (serve --db " + path
                        + " creates a new ledger there)");
            }
        }
        return Ledger.open(db);
    }
}

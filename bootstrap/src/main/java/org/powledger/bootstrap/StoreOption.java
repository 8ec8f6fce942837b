package org.powledger.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Opens a ledger that must already exist: {@code check}, {@code backup} and {@code export} read a
     * ledger, so a SQLite path naming no file (a typo, a backup that was never written) is an error,
     * not a new empty ledger reported as sound.
     */
    Ledger openExisting() {
        return openExisting(db);
    }

    /** {@link #openExisting()} for any {@code --db} value. */
    static Ledger openExisting(String db) {
        if (!db.equals("memory:") && !db.startsWith("jdbc:postgresql:")) {
            String path = db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
            if (!Files.isRegularFile(Path.of(path))) {
                throw new UsageError("no such ledger file: " + path);
            }
        }
        return Ledger.open(db);
    }
}

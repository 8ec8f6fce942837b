package org.powledger.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.memory.InMemoryLedgerStore;
import org.powledger.persistence.postgresql.PostgresLedgerStore;
import org.powledger.persistence.postgresql.PostgresLocation;
import org.powledger.persistence.sqlite.SqliteLedgerStore;

/** Opens the store that a {@code --db} value names. */
public final class LedgerStores {

    public static final String MEMORY = "memory:";

    private LedgerStores() {
    }

    /**
     * {@code memory:} is a new in-memory store; {@code jdbc:postgresql:…} a PostgreSQL database (credentials
     * in the URL or in {@code POWLEDGER_DB_USER} / {@code POWLEDGER_DB_PASSWORD}); anything
     * else (optionally prefixed {@code jdbc:sqlite:}) is the path of a SQLite file, created if missing.
     *
     * @throws IllegalArgumentException when {@code db} names no store this build can open
     * @throws IllegalStateException when the SQLite file or the database cannot be opened or migrated
     */
    public static LedgerStore open(String db) {
        return open(db, null);
    }

    /**
     * {@link #open(String)}, with the store's connection pools, if it has any, reporting to
     * {@code meters} (null: none). The in-memory store has no pool and so no pool metrics.
     */
    public static LedgerStore open(String db, MeterRegistry meters) {
        if (db == null || db.isBlank()) {
            throw new IllegalArgumentException("No database given: a file path, memory: or a jdbc:postgresql: URL");
        }
        if (db.equals(MEMORY)) {
            return new InMemoryLedgerStore();
        }
        if (db.startsWith(PostgresLocation.PREFIX)) {
            return PostgresLedgerStore.open(PostgresLocation.of(db, System.getenv()), meters);
        }
        String path = db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
        return SqliteLedgerStore.open(Path.of(path), meters);
    }
}

package org.powledger.persistence.postgresql;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.powledger.persistence.sql.SqlLedgerStore;

/**
 * The ledger in a PostgreSQL database, which several instances of the server may share: migrated
 * (Flyway, {@code db/migration/postgresql}) when opened. The repositories and their SQL are
 * {@link SqlLedgerStore}'s; connecting and locking are {@link PostgresDatabase}'s.
 */
public final class PostgresLedgerStore extends SqlLedgerStore {

    /** What {@code backup} answers for a PostgreSQL ledger. */
    public static final String BACKUP_ADVICE = "a PostgreSQL ledger is backed up with pg_dump, not backup: "
            + "pg_dump -Fc -f ledger.dump DBNAME (pg_restore -d DBNAME ledger.dump restores it)";

    private final PostgresDatabase db;

    private PostgresLedgerStore(PostgresDatabase db) {
        super(db);
        this.db = db;
    }

    /**
     * Opens the ledger at {@code location}, bringing its schema up to date; the pool reports to
     * {@code meters} unless it is null.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    public static PostgresLedgerStore open(PostgresLocation location, MeterRegistry meters) {
        return new PostgresLedgerStore(PostgresDatabase.open(location, meters));
    }

    /** Where the ledger lives, without credentials. */
    public PostgresLocation location() {
        return db.location();
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    /** A database server is backed up with its own tools, which see every instance's writes at once. */
    @Override
    public void backupTo(Path target) {
        throw new UnsupportedOperationException(BACKUP_ADVICE);
    }
}

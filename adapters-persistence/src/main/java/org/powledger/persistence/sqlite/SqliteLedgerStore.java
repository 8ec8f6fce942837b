package org.powledger.persistence.sqlite;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.powledger.persistence.sql.SqlLedgerStore;

/**
 * The ledger in one SQLite file: created and migrated (Flyway) when opened, WAL with a full sync on
 * commit so that an acknowledged write survives the process being killed. The repositories and their
 * SQL are {@link SqlLedgerStore}'s; the connections and the write lock are {@link SqliteDatabase}'s.
 */
public final class SqliteLedgerStore extends SqlLedgerStore {

    private final SqliteDatabase db;

    private SqliteLedgerStore(SqliteDatabase db) {
        super(db);
        this.db = db;
    }
    /**
     * Opens the ledger in {@code file}, creating the file if it does not exist and bringing its schema
     * up to date.
     *
     * @throws IllegalArgumentException when the file's folder does not exist, or the path is a folder
     * @throws IllegalStateException when the file cannot be opened or migrated (not a database, ...)
     */
    public static SqliteLedgerStore open(Path file) {
        return open(file, null);
    }

    /**
     * {@link #open(Path)}, with the connection pools reporting to {@code meters} (HikariCP's
     * {@code hikaricp.connections.*}, tagged with the pool's name); null: no pool metrics.
     */
    public static SqliteLedgerStore open(Path file, MeterRegistry meters) {
        return new SqliteLedgerStore(SqliteDatabase.open(file, meters));
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return db.file();
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} ({@code VACUUM INTO}) while the
     * store stays in use; the copy is itself a ledger file that {@link #open} accepts.
     *
     * @throws IllegalArgumentException when {@code target} exists already or its folder does not
     */
    @Override
    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new IllegalArgumentException("The backup file " + absolute + " exists already");
        }
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new IllegalArgumentException(
                    "Cannot write the backup " + absolute + ": the folder " + absolute.getParent() + " does not exist");
        }
        db.backupTo(absolute);
    }

    /** What SQLite finds wrong with the file (integrity and foreign keys); empty when all is well. */
    @Override
    public List<String> storageProblems() {
        return db.integrityProblems();
    }

    SqliteDatabase database() {
        return db;
    }

    @Override
    public String kind() {
        return "sqlite";
    }
}

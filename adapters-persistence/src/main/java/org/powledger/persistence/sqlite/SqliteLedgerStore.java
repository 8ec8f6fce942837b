package org.powledger.persistence.sqlite;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.IdempotencyKeys;
import org.powledger.domain.port.out.Tokens;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;

/**
 * The ledger in one SQLite file, through JDBI: created and migrated (Flyway) when opened, WAL with a
 * full sync on commit so that an acknowledged write survives the process being killed. Repository
 * calls made outside {@link Transactions#write} run as a write of their own or as a plain read.
 */
public final class SqliteLedgerStore implements LedgerStore {

    private final SqliteDatabase db;
    private final SqliteExchanges exchanges;
    private final SqliteExchangeHistory history;
    private final SqliteUnits units;
    private final SqliteCohorts cohorts;
    private final SqliteReports reports;
    private final SqliteTokens tokens;
    private final SqliteIdempotencyKeys idempotencyKeys;
    private final SqliteTransactions transactions;
    private final SqliteLedgerRevision revision;

    private SqliteLedgerStore(SqliteDatabase db) {
        this.db = db;
        this.exchanges = new SqliteExchanges(db);
        this.history = new SqliteExchangeHistory(db);
        this.units = new SqliteUnits(db);
        this.cohorts = new SqliteCohorts(db);
        this.reports = new SqliteReports(db);
        this.tokens = new SqliteTokens(db);
        this.idempotencyKeys = new SqliteIdempotencyKeys(db);
        this.transactions = new SqliteTransactions(db);
        this.revision = new SqliteLedgerRevision(db);
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
        return open(file, meters, Transactions.WRITE_WAIT);
    }

    /**
     * {@link #open(Path, MeterRegistry)}, with a write that cannot get the store within {@code writeWait}
     * (another write holds it) failing with {@link org.powledger.domain.model.StoreBusy}.
     */
    public static SqliteLedgerStore open(Path file, MeterRegistry meters, Duration writeWait) {
        return new SqliteLedgerStore(SqliteDatabase.open(file, meters, writeWait));
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return db.file();
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} ({@code VACUUM INTO}) while the
     * store stays in use; the copy is itself a ledger file that {@link #open} accepts.
     *
     * The copy is created exclusively, readable by its owner only, and never through a symbolic link.
     *
     * @throws IllegalArgumentException when {@code target} exists already (a symbolic link, dangling or not,
     *         included) or its folder does not
     */
    @Override
    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
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

    @Override
    public boolean isUp() {
        return db.isUp();
    }

    @Override
    public Exchanges exchanges() {
        return exchanges;
    }

    @Override
    public ExchangeHistory history() {
        return history;
    }

    @Override
    public Units units() {
        return units;
    }

    @Override
    public Cohorts cohorts() {
        return cohorts;
    }

    @Override
    public Reports reports() {
        return reports;
    }

    @Override
    public Tokens tokens() {
        return tokens;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public LedgerRevision revision() {
        return revision;
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }
}

package org.powledger.persistence.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.powledger.domain.model.StoreUnavailable;
import org.flywaydb.core.api.migration.JavaMigration;
import org.powledger.persistence.sql.ShippedMigrations;
import org.powledger.persistence.sql.SqlDatabase;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connections to one SQLite file and the rules for using them.
 *
 * <p>Writes go through a single writer connection, one write at a time (an in-process turn in front
 * of {@code BEGIN IMMEDIATE}), so that the server's own requests never meet {@code SQLITE_BUSY}; the
 * busy timeout covers other processes (the command line) writing to the same file. Writes that arrive
 * together share one commit, and the fsync that makes it durable runs after the write connection is
 * free for the next ({@link GroupCommit}, {@link WalSync}). Reads take a
 * connection from a small pool of {@code query_only} connections; WAL lets them run beside a write and
 * see every write committed before they started. The rest is {@link SqlDatabase}'s.
 */
final class SqliteDatabase extends SqlDatabase {

    private static final int READERS = 4;
    private static final String MIGRATIONS = "db/migration/sqlite";
    private static final long WAIT_FOR_CONNECTION_MS = 10_000;
    /** The first bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final HikariDataSource readPool;
    private final HikariDataSource writePool;
    private final Jdbi writes;
    private final Duration writeWait;
    private final GroupCommit commits;
    private final WalSync durable;

    private SqliteDatabase(Path file, HikariDataSource readPool, HikariDataSource writePool, Duration writeWait) {
        this(file, readPool, writePool, Jdbi.create(writePool), writeWait);
    }

    private SqliteDatabase(Path file, HikariDataSource readPool, HikariDataSource writePool, Jdbi writes,
                           Duration writeWait) {
        super(Jdbi.create(readPool), writes);
        this.file = file;
        this.writeWait = writeWait;
        this.readPool = readPool;
        this.writePool = writePool;
        this.writes = writes;
        this.durable = WalSync.of(file);
        this.commits = new GroupCommit(writeWait, new GroupCommit.Connection() {
            @Override
            public Handle begin() {
                return beginWriteOn();
            }

            @Override
            public void rollBack(Handle handle, Throwable cause) {
                SqliteDatabase.this.rollBack(handle, cause);
            }
        }, this::busy, durable);
    }

    /**
     * Opens (creating if needed) and migrates the database file; both pools report to {@code meters}
     * ({@code hikaricp_connections_*{pool="powledger-sqlite-read"|"powledger-sqlite-write"}}) unless it is
     * null. The file is created owner-only ({@link OwnerOnlyFiles}). A write that cannot get the store
     * within {@code writeWait} (another write holds it) fails with {@link StoreUnavailable}.
     */
    static SqliteDatabase open(Path file, MeterRegistry meters, Duration writeWait) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "Cannot open the database " + absolute + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Cannot open the database " + absolute + ": it is a folder");
        }
        try {
            OwnerOnlyFiles.createIfMissing(absolute);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("Cannot create the database " + absolute + ": " + rootMessage(e), e);
        }
        migrate(absolute);
        HikariDataSource writePool = null;
        try {
            // The writer commits without an fsync (NORMAL): GroupCommit answers a write only after WalSync
            // has synced the log that holds it.
            writePool = pool("powledger-sqlite-write", dataSource(absolute, config(SQLiteConfig.SynchronousMode.NORMAL)), 1,
                    null, meters);
            HikariDataSource readPool = pool("powledger-sqlite-read", readerSource(absolute), READERS,
                    "PRAGMA query_only = ON", meters);
            return new SqliteDatabase(absolute, readPool, writePool, writeWait);
        } catch (RuntimeException e) {
            if (writePool != null) {
                writePool.close();
            }
            throw new IllegalStateException("Cannot open the database " + absolute + ": " + rootMessage(e), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * One write at a time in this process, so that the server's own writes never meet {@code SQLITE_BUSY},
     * sharing commits ({@link GroupCommit}); a write waits at most {@code writeWait} for its turn, then is
     * {@link StoreUnavailable} (503).
     */
    @Override
    protected <T> T writeTransaction(Supplier<T> work, boolean alone) {
        return commits.write(handle -> alone ? withLargeCache(handle, () -> bound(handle, work)) : bound(handle, work),
                alone);
    }

    /**
     * A write alone (an import) writes many rows into every index: with room for 32 MiB of pages instead
     * of SQLite's default 2 MiB it stops re-reading the same index pages (100,000 exchanges: about a
     * fifth less time, by hand). The room is given back when it is done (the pages themselves are freed
     * as the commit leaves them clean); giving it back is best effort and never hides the write's outcome.
     */
    private static <T> T withLargeCache(Handle handle, Supplier<T> work) {
        String before = handle.select("PRAGMA cache_size").mapTo(String.class).one();
        handle.execute("PRAGMA cache_size = -32768");
        Throwable failure = null;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                handle.execute("PRAGMA cache_size = " + Long.parseLong(before));
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
                // else: the import is done; only the connection's cache stays larger, which costs memory
            }
        }
    }

    /**
     * Takes SQLite's write lock at once; the busy timeout waits for another process (the command line)
     * holding it, and still busy after that is {@link StoreUnavailable} too.
     */
    @Override
    protected void beginWrite(Handle handle) {
        try {
            handle.execute("BEGIN IMMEDIATE");
        } catch (RuntimeException e) {
            if (String.valueOf(rootMessage(e)).contains("SQLITE_BUSY")) {
                throw busy();
            }
            throw e;
        }
    }

    private StoreUnavailable busy() {
        return new StoreUnavailable("The ledger is busy with another write (waited " + writeWait.toMillis()
                + " ms); nothing was written, send the request again shortly", null);
    }

    /** WAL: a read transaction sees the database as of its first read, beside a write. */
    @Override
    protected void beginSnapshot(Handle handle) {
        handle.execute("BEGIN");
    }

    @Override
    protected List<String> tables(Handle handle) {
        return handle.select("SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
                .mapTo(String.class).list();
    }

    /** {@code VACUUM INTO} reads one snapshot of the database and writes it, compacted, to a new file. */
    void backupTo(Path target) {
        // Created here, owner-only and exclusively (never through a link); VACUUM INTO fills an empty file.
        OwnerOnlyFiles.createNew(target, "backup file");
        try (Handle handle = Jdbi.create(dataSource(file)).open()) {
            handle.createUpdate("VACUUM INTO :target").bind("target", target.toString()).execute();
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(target);
            } catch (java.io.IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    List<String> integrityProblems() {
        return read(h -> {
            List<String> problems = new ArrayList<>(h.select("PRAGMA integrity_check").mapTo(String.class).list());
            problems.remove("ok");
            h.select("PRAGMA foreign_key_check").map((rs, ctx) -> "row " + rs.getLong("rowid") + " of "
                    + rs.getString("table") + " refers to a missing row of " + rs.getString("parent"))
                    .forEach(problems::add);
            return problems;
        });
    }

    @Override
    public boolean isUp() {
        return !readPool.isClosed() && durable.healthy() && super.isUp();
    }

    /**
     * Closes both pools, after the write in progress and the commit of its group if any; lets SQLite
     * refresh its planner statistics first.
     */
    @Override
    public void close() {
        readPool.close();
        commits.close(() -> {
            if (!writePool.isClosed()) {
                try (Handle handle = writes.open()) {
                    handle.execute("PRAGMA optimize");
                } catch (RuntimeException e) {
                    // best effort: the statistics only help the query planner
                }
            }
            writePool.close();
        });
    }

    /** Rolls back what is left of a failed write; a failed COMMIT may or may not have ended it. */
    @Override
    protected void rollBack(Handle handle, Throwable cause) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            if (!String.valueOf(rootMessage(e)).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void migrate(Path file) {
        if (appliedVersions(file).equals(ShippedMigrations.versions(MIGRATIONS, ShippedMigrations.JAVA))) {
            return; // the schema is current: Flyway would only scan and check (a fifth of the server's start-up)
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource(file))
                    .locations("classpath:" + MIGRATIONS)
                    .javaMigrations(ShippedMigrations.JAVA.toArray(JavaMigration[]::new))
                    .failOnMissingLocations(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the database " + file + ": " + rootMessage(e), e);
        }
    }

    /**
     * The versions of the migrations applied to the ledger in {@code file} (none for a new, empty file; a
     * failed one as {@code !version}, so that it never looks current), after refusing a file that holds
     * something other than a ledger (a text file, another program's SQLite database) before anything is
     * written to it: migrating it would fail with Flyway's advice to baseline, which is not what the user
     * should do, or would write a ledger's tables into it.
     */
    private static Set<String> appliedVersions(Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage());
        }
        if (read == 0) {
            return Set.of(); // a new, empty file: the migration makes it a ledger
        }
        if (read < header.length || !java.util.Arrays.equals(header, SQLITE_HEADER)) {
            throw notALedger(file, "it is not a SQLite database");
        }
        List<String> tables = new ArrayList<>();
        Set<String> applied = new HashSet<>();
        try (java.sql.Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file)) {
            try (java.sql.ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.contains("flyway_schema_history")) {
                try (java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT CASE WHEN success "
                        + "THEN version ELSE '!' || version END FROM flyway_schema_history WHERE version IS NOT NULL")) {
                    while (rows.next()) {
                        applied.add(rows.getString(1));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot open the database " + file + ": " + e.getMessage());
        }
        if (!tables.isEmpty() && !tables.contains("flyway_schema_history")) {
            throw notALedger(file, "it is a SQLite database with other tables");
        }
        return applied;
    }

    private static IllegalStateException notALedger(Path file, String why) {
        return new IllegalStateException(file + " is not a POW Ledger ledger (" + why
                + "); give --db a ledger's file, or a new file name to serve, which creates a ledger");
    }

    /** Every connection but the server's writer: WAL, foreign keys, a 10 s busy timeout and a full sync on commit. */
    private static DataSource dataSource(Path file) {
        return dataSource(file, config(SQLiteConfig.SynchronousMode.FULL));
    }

    /**
     * The server's readers may sort with a helper thread per core: a walk of a ledger too large to keep
     * in memory sorts every stage in SQLite ({@code StageQuery}). On two cores, at a million exchanges (by
     * hand): the statement alone 6.0 s against 3.9 s in the sqlite3 shell, the whole walk through this
     * store 10.5 s against 8.8–9.8 s.
     */
    private static DataSource readerSource(Path file) {
        SQLiteConfig config = config(SQLiteConfig.SynchronousMode.FULL);
        config.setPragma(SQLiteConfig.Pragma.LIMIT_WORKER_THREADS,
                String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors())));
        return dataSource(file, config);
    }

    private static DataSource dataSource(Path file, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static SQLiteConfig config(SQLiteConfig.SynchronousMode sync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setSynchronous(sync);
        return config;
    }

    private static HikariDataSource pool(String name, DataSource dataSource, int size, String initSql,
                                         MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(WAIT_FOR_CONNECTION_MS);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        return new HikariDataSource(config);
    }
}

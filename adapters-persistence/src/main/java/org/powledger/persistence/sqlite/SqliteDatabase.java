package org.powledger.persistence.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connections to one SQLite file and the rules for using them.
 *
 * <p>Writes go through a single writer connection, one write at a time (an in-process lock in front
 * of {@code BEGIN IMMEDIATE}), so that the server's own requests never meet {@code SQLITE_BUSY}; the
 * busy timeout covers other processes (the command line) writing to the same file. While a write runs,
 * its handle is bound to the thread: every repository call on that thread joins it, reads included,
 * and a nested write joins the outer one. Reads outside a write take a connection from a small pool;
 * WAL lets them run beside a write and see every write committed before they started.
 */
final class SqliteDatabase implements AutoCloseable {

    private static final int READERS = 4;
    private static final long WAIT_FOR_CONNECTION_MS = 10_000;

    private final Path file;
    private final HikariDataSource readPool;
    private final HikariDataSource writePool;
    private final Jdbi reads;
    private final Jdbi writes;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<Handle> writing = new ThreadLocal<>();
    private final ThreadLocal<Handle> snapshot = new ThreadLocal<>();

    private SqliteDatabase(Path file, HikariDataSource readPool, HikariDataSource writePool) {
        this.file = file;
        this.readPool = readPool;
        this.writePool = writePool;
        this.reads = configure(Jdbi.create(readPool));
        this.writes = configure(Jdbi.create(writePool));
    }

    /**
     * Opens (creating if needed) and migrates the database file; both pools report to {@code meters}
     * ({@code hikaricp_connections_*{pool="powledger-sqlite-read"|"powledger-sqlite-write"}}) unless it is
     * null.
     */
    static SqliteDatabase open(Path file, MeterRegistry meters) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(
                    "Cannot open the database " + absolute + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Cannot open the database " + absolute + ": it is a folder");
        }
        migrate(absolute);
        HikariDataSource writePool = null;
        try {
            writePool = pool("powledger-sqlite-write", dataSource(absolute), 1, null, meters);
            HikariDataSource readPool = pool("powledger-sqlite-read", dataSource(absolute), READERS,
                    "PRAGMA query_only = ON", meters);
            return new SqliteDatabase(absolute, readPool, writePool);
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

    /** Reads with the thread's current handle (its write or snapshot), else with a pooled connection. */
    <T> T read(Function<Handle, T> work) {
        Handle bound = current();
        return bound != null ? work.apply(bound) : reads.withHandle(work::apply);
    }

    /**
     * Reads several statements as of one moment: a read transaction on one pooled reader connection,
     * bound to the thread so that the repositories called from {@code work} see the same moment. The
     * first statement after {@code BEGIN} pins the moment at once (a deferred {@code BEGIN} alone takes
     * its snapshot only at the first read). WAL keeps that moment for the reader without taking any
     * lock a writer waits for, and the reader writes nothing, so the revision stays put.
     */
    <T> T snapshot(Function<Handle, T> work) {
        Handle bound = current();
        if (bound != null) {
            return work.apply(bound);
        }
        return reads.withHandle(handle -> {
            handle.execute("BEGIN");
            snapshot.set(handle);
            T result;
            try {
                handle.select("SELECT revision FROM ledger_state WHERE id = 1").mapTo(Long.class).one();
                result = work.apply(handle);
            } catch (RuntimeException | Error e) {
                snapshot.remove();
                rollBack(handle, e);
                throw e;
            }
            snapshot.remove();
            handle.execute("ROLLBACK");
            return result;
        });
    }

    /** Writes with the thread's write handle, starting a write of its own when there is none. */
    <T> T write(Function<Handle, T> work) {
        return transaction(() -> work.apply(writing.get()));
    }

    /** One write transaction: see the class comment. Commits and moves the revision on, or rolls back. */
    <T> T transaction(Supplier<T> work) {
        if (writing.get() != null) {
            return work.get();
        }
        if (snapshot.get() != null) {
            throw new IllegalStateException("a write cannot start inside a read transaction");
        }
        writeLock.lock();
        try (Handle handle = writes.open()) {
            handle.execute("BEGIN IMMEDIATE");
            writing.set(handle);
            try {
                T result = work.get();
                handle.execute("UPDATE ledger_state SET revision = revision + 1 WHERE id = 1");
                handle.execute("COMMIT");
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(handle, e);
                throw e;
            } finally {
                writing.remove();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** {@code VACUUM INTO} reads one snapshot of the database and writes it, compacted, to a new file. */
    void backupTo(Path target) {
        try (Handle handle = Jdbi.create(dataSource(file)).open()) {
            handle.createUpdate("VACUUM INTO :target").bind("target", target.toString()).execute();
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

    long revision() {
        return read(h -> h.select("SELECT revision FROM ledger_state WHERE id = 1").mapTo(Long.class).one());
    }

    boolean isUp() {
        try {
            return !readPool.isClosed() && revision() >= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closes both pools, after the write in progress if any; lets SQLite refresh its planner statistics first. */
    @Override
    public void close() {
        readPool.close();
        writeLock.lock();
        try {
            if (!writePool.isClosed()) {
                try (Handle handle = writes.open()) {
                    handle.execute("PRAGMA optimize");
                } catch (RuntimeException e) {
                    // best effort: the statistics only help the query planner
                }
            }
            writePool.close();
        } finally {
            writeLock.unlock();
        }
    }

    private Handle current() {
        Handle handle = writing.get();
        return handle != null ? handle : snapshot.get();
    }

    /** Rolls back what is left of a failed write; a failed COMMIT may or may not have ended it. */
    private static void rollBack(Handle handle, Throwable cause) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            if (!String.valueOf(rootMessage(e)).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        for (Class<?> row : new Class<?>[] {ExchangeRow.class, LineRow.class, MediatorRow.class, SourceRow.class,
                UnitRow.class, CohortRow.class, ReportRow.class, TokenRow.class, HistoryRow.class,
                IdempotencyRow.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        return jdbi;
    }

    private static void migrate(Path file) {
        try {
            Flyway.configure()
                    .dataSource(dataSource(file))
                    .locations("classpath:db/migration/sqlite")
                    .failOnMissingLocations(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the database " + file + ": " + rootMessage(e), e);
        }
    }

    /** Every connection: WAL, foreign keys, a 10 s busy timeout and a full sync on commit. */
    private static DataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

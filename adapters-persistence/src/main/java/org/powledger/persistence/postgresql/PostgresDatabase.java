package org.powledger.persistence.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.flywaydb.core.api.migration.JavaMigration;
import org.powledger.persistence.sql.ShippedMigrations;
import org.powledger.persistence.sql.SqlDatabase;

/**
 * The connections to one PostgreSQL database, shared by every instance of the server that names it.
 *
 * <p>The in-process lock that serialises SQLite's writes guards nothing across processes, so a write
 * here takes the database's own lock: {@code pg_advisory_xact_lock(WRITE_LOCK)} as the first statement
 * of its transaction, held until commit or rollback. Writes of every instance thus run one at a time,
 * each seeing all writes committed before it, which keeps the checks the use cases make before they
 * write (ref free, version current, key unused) true until commit; the unique constraints stay as the
 * last line of defence. Each write commits on its own: the lock is the database's, taken per
 * transaction, so the writes of several instances could not share a commit as SQLite's do. A write
 * that waits more than its {@code writeWait} (5 s unless told otherwise) for its turn
 * ({@code lock_timeout}), or finds the database unreachable, fails as 503 with Retry-After. Snapshots are {@code REPEATABLE READ READ ONLY} transactions. One pool serves
 * reads and writes; a lost connection is replaced by the pool, so the store comes back with the database.
 */
final class PostgresDatabase extends SqlDatabase {

    /** The advisory lock key of writes to the ledger: any 64-bit number no other application uses. */
    static final long WRITE_LOCK = 0x506f774c65646765L; // "PowLedge"
    private static final int CONNECTIONS = 8;
    private static final long WAIT_FOR_CONNECTION_MS = 3_000;
    /** How long a write waits for the writes of other instances before it is answered 503. */

    private final PostgresLocation location;
    private final HikariDataSource pool;
    private final Duration writeWait;

    private PostgresDatabase(PostgresLocation location, HikariDataSource pool, Duration writeWait) {
        super(Jdbi.create(pool), Jdbi.create(pool));
        this.location = location;
        this.pool = pool;
        this.writeWait = writeWait;
    }

    /**
     * Migrates the database and opens a pool on it, reporting to {@code meters}
     * ({@code hikaricp_connections_*{pool="powledger-postgresql"}}) unless it is null.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    static PostgresDatabase open(PostgresLocation location, MeterRegistry meters, Duration writeWait) {
        try {
            Flyway.configure()
                    .dataSource(location.url(), location.user(), location.password())
                    .locations("classpath:db/migration/postgresql")
                    .javaMigrations(ShippedMigrations.JAVA.toArray(JavaMigration[]::new))
                    .failOnMissingLocations(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the database " + location + ": " + rootMessage(e), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("powledger-postgresql");
        config.setJdbcUrl(location.url());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(WAIT_FOR_CONNECTION_MS);
        // Start even if the database went away again after the migration: the pool keeps trying.
        config.setInitializationFailTimeout(-1);
        if (meters != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        return new PostgresDatabase(location, new HikariDataSource(config), writeWait);
    }

    PostgresLocation location() {
        return location;
    }

    @Override
    protected void beginWrite(Handle handle) {
        handle.execute("BEGIN");
        handle.execute("SET LOCAL lock_timeout = '" + writeWait.toMillis() + "ms'");
        handle.execute("SELECT pg_advisory_xact_lock(?)", WRITE_LOCK);
    }

    /**
     * Through the driver's own transaction rather than a {@code BEGIN} statement: only then does it read
     * a large result through a cursor, {@code fetchSize} rows at a time (a {@code copy} in constant memory).
     */
    @Override
    protected void beginSnapshot(Handle handle) {
        autoCommit(handle, false);
        handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    @Override
    protected void endSnapshot(Handle handle) {
        handle.execute("ROLLBACK");
        autoCommit(handle, true);
    }

    @Override
    protected void rollBack(Handle handle, Throwable cause) {
        super.rollBack(handle, cause);
        try {
            autoCommit(handle, true);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    protected List<String> tables(Handle handle) {
        return handle.select("SELECT lower(table_name) FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .mapTo(String.class).list();
    }

    /** History entries are numbered by an identity column: the next entry follows the copied ones. */
    @Override
    protected void afterCopy(Handle handle) {
        handle.execute("SELECT setval(pg_get_serial_sequence('exchange_history', 'entry_id'), "
                + "(SELECT COALESCE(max(entry_id), 0) + 1 FROM exchange_history), false)");
    }

    private static void autoCommit(Handle handle, boolean on) {
        try {
            handle.getConnection().setAutoCommit(on);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set auto-commit: " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL's text holds no NUL character, which separates an Idempotency-Key from its client: it is
     * written as {@code \0}, and a backslash as {@code \\}, so that distinct keys stay distinct.
     */
    @Override
    protected String storable(String text) {
        return text == null ? null : text.replace("\\", "\\\\").replace("\0", "\\0");
    }

    @Override
    protected String unstored(String stored) {
        if (stored == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length()) {
                char escaped = stored.charAt(++i);
                text.append(escaped == '0' ? '\0' : escaped);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    @Override
    public boolean isUp() {
        return !pool.isClosed() && super.isUp();
    }

    @Override
    public void close() {
        pool.close();
    }
}

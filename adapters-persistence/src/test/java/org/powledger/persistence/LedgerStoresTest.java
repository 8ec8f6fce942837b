package org.powledger.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.powledger.persistence.postgresql.PostgresLocation;
import org.powledger.persistence.postgresql.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.persistence.memory.InMemoryLedgerStore;
import org.powledger.persistence.sqlite.SqliteLedgerStore;

class LedgerStoresTest {

    @TempDir
    Path folder;

    @Test
    void memory_opens_an_in_memory_store() {
        try (LedgerStore store = LedgerStores.open("memory:")) {
            assertThat(store).isInstanceOf(InMemoryLedgerStore.class);
            assertThat(store.kind()).isEqualTo("memory");
            assertThat(store.isUp()).isTrue();
        }
    }

    @Test
    void a_path_opens_a_sqlite_file() {
        try (LedgerStore store = LedgerStores.open(folder.resolve("ledger.db").toString())) {
            assertThat(store).isInstanceOf(SqliteLedgerStore.class);
            assertThat(store.kind()).isEqualTo("sqlite");
        }
        assertThat(folder.resolve("ledger.db")).exists();
    }

    @Test
    void a_jdbc_sqlite_url_opens_its_file() {
        try (LedgerStore store = LedgerStores.open("jdbc:sqlite:" + folder.resolve("other.db"))) {
            assertThat(store.kind()).isEqualTo("sqlite");
        }
        assertThat(folder.resolve("other.db")).exists();
    }

    @Test
    void a_sqlite_store_reports_both_connection_pools_until_closed() {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LedgerStore store = LedgerStores.open(folder.resolve("ledger.db").toString(), meters)) {
            assertThat(store.isUp()).isTrue();
            assertThat(meters.get("hikaricp.connections.max").tag("pool", "powledger-sqlite-read").gauge().value())
                    .isEqualTo(4.0);
            assertThat(meters.get("hikaricp.connections.max").tag("pool", "powledger-sqlite-write").gauge().value())
                    .isEqualTo(1.0);
            assertThat(meters.get("hikaricp.connections.acquire").tag("pool", "powledger-sqlite-read").timer().count())
                    .isPositive();
        }
        assertThat(meters.find("hikaricp.connections.max").gauges()).isEmpty();
    }

    @Test
    void the_in_memory_store_has_no_pool_to_report() {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (LedgerStore store = LedgerStores.open("memory:", meters)) {
            assertThat(store.isUp()).isTrue();
        }
        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void a_postgresql_url_opens_the_postgresql_store() {
        PostgresLocation ledger = TestPostgres.newLedger();
        try (LedgerStore store = LedgerStores.open(ledger.url())) {
            assertThat(store.kind()).isEqualTo("postgresql");
            assertThat(store.isUp()).isTrue();
        }
    }

    @Test
    void an_unreachable_postgresql_names_the_database_but_never_the_password() {
        assertThatThrownBy(() -> LedgerStores.open("jdbc:postgresql://127.0.0.1:1/powledger?user=u&password=s3cret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database jdbc:postgresql://127.0.0.1:1/powledger: ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void nothing_given_is_a_usage_error() {
        assertThatThrownBy(() -> LedgerStores.open(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

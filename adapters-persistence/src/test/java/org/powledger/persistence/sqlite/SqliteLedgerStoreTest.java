package org.powledger.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.domain.fixtures.LedgerFixtures.december30;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Token;
import org.powledger.domain.model.Versioned;

/** What only the SQLite store promises: a file that lasts, a schema that migrates, connections set up right. */
class SqliteLedgerStoreTest {

    private static final Instant T0 = Instant.parse("2025-01-02T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void data_survives_closing_and_reopening_the_file() {
        Path file = folder.resolve("ledger.db");
        ExchangeRecord stored;
        long revision;
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            stored = store.transactions().write(() -> {
                LedgerFixtures.seedUnits().forEach(u -> store.units().save(Versioned.first(u, T0)));
                return store.exchanges().add(ExchangeId.of("ex_kept"), december30(), T0);
            });
            store.tokens().add(new Token("admin", AccessScope.ADMIN, "hash", T0));
            revision = store.revision().current();
        }

        try (SqliteLedgerStore reopened = SqliteLedgerStore.open(file)) {
            assertThat(reopened.exchanges().byId(stored.id())).contains(stored);
            assertThat(reopened.units().all()).hasSize(LedgerFixtures.seedUnits().size());
            assertThat(reopened.tokens().byHash("hash")).isPresent();
            assertThat(reopened.revision().current()).isEqualTo(revision);
            assertThat(reopened.exchanges().add(ExchangeId.of("ex_next"), LedgerFixtures.exchange().ref("next").build(), T0)
                    .sequence()).isGreaterThan(stored.sequence());
        }
    }

    @Test
    void migrations_apply_to_an_empty_file() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.db"));

        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            assertThat(tables(store)).contains("exchange", "breakdown_line", "exchange_mediator", "exchange_source",
                    "exchange_word", "exchange_history", "unit", "cohort", "report", "token", "ledger_state",
                    "flyway_schema_history");
            assertThat(store.revision().current()).isZero();
            assertThat(store.isUp()).isTrue();
        }
    }

    @Test
    void migration_21_folds_the_search_words_of_a_ledger_indexed_before_search_ignored_diacritics() {
        Path file = folder.resolve("ledger.db");
        ExchangeRecord stored;
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            stored = store.exchanges().add(ExchangeId.of("ex_zmiinyi"),
                    LedgerFixtures.exchange().notes("Zmiïnyi").build(), T0);
            // The index as the old code wrote it, and the schema as it was before migration 21.
            store.database().write(h -> h.execute("UPDATE exchange_word SET word = 'zmiïnyi' WHERE word = 'zmiinyi'")
                    + h.execute("DELETE FROM flyway_schema_history WHERE version = '21'"));
        }

        try (SqliteLedgerStore reopened = SqliteLedgerStore.open(file)) {
            ExchangeQuery zmii = new ExchangeQuery(null, null, null, null, null, null, null, List.of("zmii"));
            assertThat(reopened.exchanges().list(zmii, PageRequest.first(10)).items()).containsExactly(stored);
            List<String> words = reopened.database().read(h -> h.select("SELECT word FROM exchange_word")
                    .mapTo(String.class).list());
            assertThat(words).containsExactly("zmiinyi");
        }
    }

    @Test
    void a_ledger_whose_schema_is_current_opens_without_starting_flyway() {
        Path file = folder.resolve("ledger.db");
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            // Flyway, were it started, would refuse this checksum (a script edited after it ran)
            store.database().write(h -> h.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'"));
        }

        try (SqliteLedgerStore reopened = SqliteLedgerStore.open(file)) {
            assertThat(reopened.isUp()).isTrue();
        }
    }

    @Test
    void a_ledger_with_a_failed_migration_is_still_handed_to_flyway_which_refuses_it() {
        Path file = folder.resolve("ledger.db");
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            store.database().write(h -> h.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '21'"));
        }

        assertThatThrownBy(() -> SqliteLedgerStore.open(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void a_missing_file_is_created() {
        Path file = folder.resolve("new.db");

        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            assertThat(file).exists();
            assertThat(store.file()).isEqualTo(file.toAbsolutePath());
            assertThat(store.kind()).isEqualTo("sqlite");
        }
    }

    @Test
    void a_missing_folder_is_a_clear_error() {
        Path file = folder.resolve("no-such-folder").resolve("ledger.db");

        assertThatThrownBy(() -> SqliteLedgerStore.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-folder")
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_file_that_is_not_a_database_is_a_clear_error() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "these are not the droids ".repeat(100));

        assertThatThrownBy(() -> SqliteLedgerStore.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notes.txt is not a POW Ledger ledger");
        assertThat(Files.readString(file)).isEqualTo("these are not the droids ".repeat(100));
    }

    @Test
    void another_programs_sqlite_database_is_refused_untouched_not_migrated() throws Exception {
        Path file = folder.resolve("recipes.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE recipe (name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SqliteLedgerStore.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recipes.db is not a POW Ledger ledger")
                .hasMessageNotContaining("baseline");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void every_connection_uses_wal_foreign_keys_a_busy_timeout_the_writer_leaves_the_fsync_to_wal_sync_and_readers_sort_in_parallel() {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            SqliteDatabase db = store.database();
            List<String> onRead = db.read(SqliteLedgerStoreTest::pragmas);
            List<String> onWrite = db.write(SqliteLedgerStoreTest::pragmas);

            String sortThreads = String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors()));
            assertThat(onRead).containsExactly("wal", "1", "10000", "2", sortThreads);
            // NORMAL (1): the commit writes the log without an fsync; WalSync syncs it before the answer.
            assertThat(onWrite).containsExactly("wal", "1", "10000", "1", "0");
        }
    }

    @Test
    void a_write_alone_has_a_large_page_cache_and_gives_it_back_when_done() {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            SqliteDatabase db = store.database();
            String during = store.transactions().writeAlone(() -> db.write(SqliteLedgerStoreTest::cacheSize));
            String after = db.write(SqliteLedgerStoreTest::cacheSize);
            String ofAWrite = store.transactions().write(() -> db.write(SqliteLedgerStoreTest::cacheSize));

            assertThat(during).isEqualTo("-32768");
            assertThat(after).isEqualTo("-2000");
            assertThat(ofAWrite).isEqualTo("-2000");
        }
    }

    private static String cacheSize(org.jdbi.v3.core.Handle h) {
        return h.select("PRAGMA cache_size").mapTo(String.class).one();
    }

    @Test
    void reads_outside_a_write_cannot_write() {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            assertThatThrownBy(() -> store.database().read(h -> h.execute("DELETE FROM token")))
                    .hasMessageContaining("readonly");
        }
    }

    @Test
    void a_store_is_down_once_closed() {
        SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"));
        assertThat(store.isUp()).isTrue();

        store.close();

        assertThat(store.isUp()).isFalse();
    }

    @Test
    void two_stores_on_one_file_share_the_revision() {
        Path file = folder.resolve("ledger.db");
        try (SqliteLedgerStore server = SqliteLedgerStore.open(file);
             SqliteLedgerStore commandLine = SqliteLedgerStore.open(file)) {
            long before = server.revision().current();

            commandLine.tokens().add(new Token("cli", AccessScope.READ, "hash-cli", T0));

            assertThat(server.revision().current()).isGreaterThan(before);
            assertThat(server.tokens().byName("cli")).isPresent();
        }
    }

    /** Another process writing the same file waits its turn (busy timeout) instead of failing. */
    @Test
    void two_stores_on_one_file_write_at_the_same_time_without_failing() throws Exception {
        Path file = folder.resolve("ledger.db");
        try (SqliteLedgerStore a = SqliteLedgerStore.open(file);
             SqliteLedgerStore b = SqliteLedgerStore.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (SqliteLedgerStore store : List.of(a, b)) {
                    String name = store == a ? "a" : "b";
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            store.exchanges().add(ExchangeId.of("ex_" + name + i),
                                    LedgerFixtures.exchange().date("2024-01-01").build(), T0);
                        }
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.exchanges().list(ExchangeQuery.everything(), PageRequest.first(100)).items()).hasSize(50);
        }
    }

    @Test
    void a_line_naming_a_unit_that_does_not_exist_is_refused_at_commit() {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            assertThatThrownBy(() -> store.exchanges().add(ExchangeId.of("ex_orphan"),
                    LedgerFixtures.exchange().line("ghost", 1).build(), T0))
                    .hasMessageContaining("FOREIGN KEY");

            assertThat(store.exchanges().byId(ExchangeId.of("ex_orphan"))).isEmpty();
        }
    }

    @Test
    void a_backup_is_a_consistent_ledger_file_of_its_own() {
        Path backup = folder.resolve("backup.db");
        ExchangeRecord stored;
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            stored = store.exchanges().add(ExchangeId.of("ex_saved"), LedgerFixtures.exchange().ref("saved").notes("Azovstal").mediators("UAE").build(), T0);

            store.backupTo(backup);

            assertThatThrownBy(() -> store.backupTo(backup)).isInstanceOf(IllegalArgumentException.class);
        }
        try (SqliteLedgerStore copy = SqliteLedgerStore.open(backup)) {
            assertThat(copy.exchanges().byId(stored.id())).contains(stored);
            assertThat(copy.storageProblems()).isEmpty();
        }
    }

    @Test
    void the_database_its_wal_and_shm_and_backups_are_readable_by_their_owner_only() throws Exception {
        Path file = folder.resolve("private.db");
        Path backup = folder.resolve("private-backup.db");
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            store.exchanges().add(ExchangeId.of("ex_private"), LedgerFixtures.exchange().build(), T0);

            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(permissions(folder.resolve("private.db-wal"))).isEqualTo("rw-------");
            assertThat(permissions(folder.resolve("private.db-shm"))).isEqualTo("rw-------");
            store.backupTo(backup);
        }
        assertThat(permissions(backup)).isEqualTo("rw-------");
    }

    @Test
    void a_backup_is_never_written_through_a_symbolic_link_dangling_or_not() throws Exception {
        Path elsewhere = folder.resolve("elsewhere.db");
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.db"), elsewhere);
        Path existing = Files.writeString(folder.resolve("existing.txt"), "keep me");
        Path toExisting = Files.createSymbolicLink(folder.resolve("to-existing.db"), existing);
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            assertThatThrownBy(() -> store.backupTo(dangling)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> store.backupTo(toExisting)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("symbolic link");
        }
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    private static String permissions(Path file) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void a_sound_file_has_no_integrity_problems() {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(folder.resolve("ledger.db"))) {
            store.exchanges().add(ExchangeId.of("ex_one"), LedgerFixtures.exchange().build(), T0);

            assertThat(store.storageProblems()).isEmpty();
        }
    }

    private static List<String> tables(SqliteLedgerStore store) {
        return store.database().read(h -> h.select("SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class).list());
    }

    private static List<String> pragmas(org.jdbi.v3.core.Handle h) {
        return List.of(
                h.select("PRAGMA journal_mode").mapTo(String.class).one(),
                h.select("PRAGMA foreign_keys").mapTo(String.class).one(),
                h.select("PRAGMA busy_timeout").mapTo(String.class).one(),
                h.select("PRAGMA synchronous").mapTo(String.class).one(),
                h.select("PRAGMA threads").mapTo(String.class).one());
    }
}

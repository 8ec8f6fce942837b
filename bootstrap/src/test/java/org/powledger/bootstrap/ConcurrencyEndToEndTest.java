package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once on one SQLite file: no lost update, no duplicate ref, no 5xx. */
class ConcurrencyEndToEndTest {

    private static final int CLIENTS = 8;

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Runs {@code task} on {@link #CLIENTS} threads released together and gives their results. */
    private static <T> List<T> together(Callable<T> task) throws Exception {
        return Together.run(CLIENTS, client -> task.call());
    }

    @Test
    void of_concurrent_replacements_at_the_same_version_exactly_one_wins() throws Exception {
        api.unit("contested", "Contested", null);

        List<Integer> statuses = together(() -> api.put("/api/v1/units/contested",
                "{\"name\": \"Winner " + Thread.currentThread().getName() + "\"}")
                .header("If-Match", "\"1\"").send().status());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(api.get("/api/v1/units/contested").send().json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void of_concurrent_posts_with_the_same_ref_exactly_one_is_recorded() throws Exception {
        List<Integer> statuses = together(() -> api.post("/api/v1/exchanges", """
                {"ref": "raced", "date": "2024-12-30", "kind": "prisoners", "returned": 3}
                """).send().status());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void of_concurrent_posts_with_one_idempotency_key_exactly_one_creates_and_all_get_its_id() throws Exception {
        List<String> ids = together(() -> api.post("/api/v1/exchanges", """
                {"date": "2024-12-29", "kind": "prisoners", "returned": 7, "notes": "retried by a nervous script"}
                """).header("Idempotency-Key", "nervous-1").send().expect(201).json().get("id").asText());

        assertThat(ids).hasSize(CLIENTS).containsOnly(ids.get(0));
        assertThat(api.get("/api/v1/exchanges?q=nervous").send().json().get("items")).hasSize(1);
    }

    @Test
    void of_concurrent_creations_of_one_unit_exactly_one_is_201() throws Exception {
        List<Integer> statuses = together(() -> api.put("/api/v1/units/born-once", "{\"name\": \"Born once\"}")
                .send().status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).doesNotContain(200);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 428 || s == 412);
    }

    @Test
    void concurrent_writers_and_readers_all_succeed() throws Exception {
        List<Integer> statuses = together(() -> {
            int failures = 0;
            for (int i = 0; i < 10; i++) {
                int created = api.post("/api/v1/exchanges", """
                        {"date": "2024-12-30", "kind": "prisoners", "returned": 3, "breakdown": [{"unit": "afu", "count": 1}]}
                        """).send().status();
                int listed = api.get("/api/v1/exchanges?unit=afu&limit=5").send().status();
                failures += (created == 201 ? 0 : 1) + (listed == 200 ? 0 : 1);
            }
            return failures;
        });

        assertThat(statuses).containsOnly(0);
    }
}

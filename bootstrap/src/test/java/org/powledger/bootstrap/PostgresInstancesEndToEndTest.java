package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.AccessScope;
import org.powledger.persistence.postgresql.PostgresLocation;
import org.powledger.persistence.postgresql.TestPostgres;

/**
 * Two instances of the server on one PostgreSQL database, as behind a reverse proxy: whatever one
 * instance writes, the other answers at once, and the rules that guard the ledger (a ref used once, an
 * Idempotency-Key answered once, a revoked token refused) hold across them, also under races.
 */
class PostgresInstancesEndToEndTest {

    private static final List<String> STATISTICS = List.of("/api/v1/stats/summary", "/api/v1/stats/yearly",
            "/api/v1/stats/periods?interval=month", "/api/v1/stats/periods?interval=quarter&cumulative=true",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation");

    static LiveServer a;
    static LiveServer b;

    @BeforeAll
    static void start() {
        PostgresLocation ledger = TestPostgres.newLedger();
        a = LiveServer.start(ledger.url(), "writer-a");
        b = LiveServer.start(ledger.url(), "writer-b");
        a.unit("afu", "Armed Forces of Ukraine", null);
        b.unit("navy", "Navy", "afu");
        a.cohort("azovstal", "Azovstal defenders", 2500);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void both_instances_answer_every_statistic_alike_straight_after_a_write_on_either() {
        String[] writes = {
            "{\"date\": \"2022-09-21\", \"kind\": \"prisoners\", \"returned\": 215, \"breakdown\": [{\"unit\": \"afu\", \"cohort\": \"azovstal\", \"count\": 108}]}",
            "{\"date\": \"2023-01-08\", \"kind\": \"prisoners\", \"returned\": 50, \"breakdown\": [{\"unit\": \"navy\", \"count\": 20}]}",
            "{\"date\": \"2024-06-25\", \"kind\": \"bodies\", \"returned\": 254}",
            "{\"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 150, \"breakdown\": [{\"unit\": \"navy\", \"count\": 40}]}",
        };
        for (int i = 0; i < writes.length; i++) {
            LiveServer writer = i % 2 == 0 ? a : b;
            String before = b.get("/api/v1/stats/summary").send().expect(200).body();
            writer.exchange(writes[i]);
            for (String statistic : STATISTICS) {
                String onA = a.get(statistic).send().expect(200).body();
                String onB = b.get(statistic).send().expect(200).body();
                assertThat(onB).as("%s after write %d", statistic, i).isEqualTo(onA);
            }
            assertThat(a.get("/api/v1/stats/summary").send().body()).as("the write shows").isNotEqualTo(before);
        }
    }

    @Test
    void the_same_ref_posted_to_both_instances_at_once_is_stored_once() throws Exception {
        List<Integer> statuses = Together.run(8, i -> (i % 2 == 0 ? a : b).post("/api/v1/exchanges",
                "{\"ref\": \"raced-across\", \"date\": \"2024-01-03\", \"kind\": \"prisoners\", \"returned\": 230}")
                .send().status());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(b.get("/api/v1/exchanges?from=2024-01-03&to=2024-01-03").send().json().get("items")).hasSize(1);
    }

    @Test
    void an_idempotency_key_answered_by_one_instance_is_replayed_by_the_other() throws Exception {
        String body = "{\"date\": \"2024-02-07\", \"kind\": \"prisoners\", \"returned\": 100}";
        String token = a.token("retrier", AccessScope.WRITE);
        List<String> ids = Together.run(6, i -> (i % 2 == 0 ? a : b).post("/api/v1/exchanges", body).token(token)
                .header("Idempotency-Key", "across-1").send().expect(201).json().get("id").asText());

        assertThat(ids).containsOnly(ids.get(0));
        LiveServer.Reply again = b.post("/api/v1/exchanges", body).token(token).header("Idempotency-Key", "across-1")
                .send().expect(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(a.get("/api/v1/exchanges?from=2024-02-07&to=2024-02-07").send().json().get("items")).hasSize(1);
    }

    @Test
    void a_token_made_on_one_instance_works_on_the_other_until_revoked_there() {
        String token = a.token("shared-writer", AccessScope.WRITE);
        String body = "{\"name\": \"Marines\", \"parent\": \"afu\"}";
        b.put("/api/v1/units/marines", body).token(token).send().expect(201);

        a.server().ledger().tokens.revoke("shared-writer");

        b.put("/api/v1/units/marines-2", body).token(token).send().expect(401);
    }

    @Test
    void history_written_through_both_instances_is_one_history() {
        String id = a.exchange("{\"date\": \"2023-05-06\", \"kind\": \"prisoners\", \"returned\": 45}");
        b.put("/api/v1/exchanges/" + id, "{\"date\": \"2023-05-06\", \"kind\": \"prisoners\", \"returned\": 46}")
                .header("If-Match", "\"1\"").send().expect(200);
        a.put("/api/v1/exchanges/" + id, "{\"date\": \"2023-05-06\", \"kind\": \"prisoners\", \"returned\": 47}")
                .header("If-Match", "\"1\"").send().expect(412);

        var history = b.get("/api/v1/exchanges/" + id + "/history").send().expect(200).json();
        assertThat(history.toString()).isEqualTo(a.get("/api/v1/exchanges/" + id + "/history").send().json().toString());
        assertThat(history.findValues("version").stream().map(v -> v.asInt()).toList()).contains(1, 2);
    }
}

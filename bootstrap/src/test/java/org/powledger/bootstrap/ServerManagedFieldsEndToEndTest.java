package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-managed fields in a body (API.md, "Conventions"): {@code version}, {@code unattributed},
 * {@code createdAt}, {@code updatedAt} are ignored; an {@code id} is refused on POST and must be the
 * path's on PUT. A PUT that changes nothing keeps its version and adds no history entry.
 */
class ServerManagedFieldsEndToEndTest {

    static final String EXCHANGE = """
            {"date": "2024-12-30", "kind": "prisoners", "returned": 10, "notes": "ten"}""";

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void an_id_in_a_posted_exchange_is_422_at_id_and_nothing_is_recorded() {
        long before = api.get("/api/v1/exchanges?limit=500").send().json().get("items").size();

        JsonNode problem = api.post("/api/v1/exchanges", "{\"id\": \"ex_mine\", " + EXCHANGE.substring(1))
                .send().problemAt(422, "/id");

        assertThat(problem.toString()).contains("use ref");
        assertThat(api.get("/api/v1/exchanges?limit=500").send().json().get("items")).hasSize((int) before);
    }

    @Test
    void an_id_in_a_posted_report_is_422_at_id() {
        api.post("/api/v1/reports", """
                {"id": "rp_mine", "scope": {"year": 2024}, "metric": "exchanges", "value": 1}""")
                .send().problemAt(422, "/id");
    }

    @Test
    void a_put_naming_another_exchange_in_its_body_is_422_and_changes_nothing() {
        String id = api.exchange(EXCHANGE);
        String other = api.exchange(EXCHANGE);

        api.put("/api/v1/exchanges/" + id, "{\"id\": \"" + other + "\", " + EXCHANGE.substring(1).replace("10", "11"))
                .header("If-Match", "\"1\"").send().problemAt(422, "/id");

        assertThat(api.get("/api/v1/exchanges/" + id).send().json().get("returned").asInt()).isEqualTo(10);
    }

    @Test
    void what_get_answered_sent_back_with_a_change_is_taken_whatever_its_server_fields_say() {
        String id = api.exchange(EXCHANGE);
        ObjectNode read = (ObjectNode) api.get("/api/v1/exchanges/" + id).send().json();
        read.put("returned", 12).put("version", 99).put("unattributed", 7).put("createdAt", "2000-01-01T00:00:00Z");

        JsonNode replaced = api.put("/api/v1/exchanges/" + id, read.toString()).header("If-Match", "\"1\"")
                .send().expect(200).json();

        assertThat(replaced.get("version").asInt()).isEqualTo(2);
        assertThat(replaced.get("unattributed").asInt()).isEqualTo(12);
        assertThat(replaced.get("createdAt").asText()).isNotEqualTo("2000-01-01T00:00:00Z");
    }

    @Test
    void a_put_of_an_exchange_that_changes_nothing_keeps_its_version_and_adds_no_history() {
        String id = api.exchange(EXCHANGE);
        String read = api.get("/api/v1/exchanges/" + id).send().body();

        LiveServer.Reply again = api.put("/api/v1/exchanges/" + id, read).header("If-Match", "\"1\"").send().expect(200);

        assertThat(again.header("ETag")).contains("\"1\"");
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/exchanges/" + id + "/history").send().json().get("items")).hasSize(1);
    }

    @Test
    void a_put_of_a_unit_that_changes_nothing_keeps_its_version() {
        api.put("/api/v1/units/same", "{\"name\": \"Same\"}").send().expect(201);

        LiveServer.Reply again = api.put("/api/v1/units/same", "{\"name\": \"Same\"}").header("If-Match", "\"1\"")
                .send().expect(200);

        assertThat(again.header("ETag")).contains("\"1\"");
        assertThat(api.get("/api/v1/units/same").send().json().get("version").asInt()).isEqualTo(1);
    }
}

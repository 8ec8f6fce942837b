package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, and the ledger outliving the server: data on the SQLite file survives a restart. */
class OperationsEndToEndTest {

    @Test
    void health_is_up_on_sqlite(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"))) {
            LiveServer.Reply health = api.get("/health").send().expect(200);

            JsonNode body = health.json();
            assertThat(health.contentType()).startsWith("application/json");
            assertThat(body.get("status").asText()).isEqualTo("up");
            assertThat(body.get("store").asText()).isEqualTo("sqlite");
            assertThat(body.get("version").asText()).isNotBlank();
        }
    }

    @Test
    void data_survives_closing_and_restarting_the_server_on_the_same_file(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"))) {
            api.unit("afu", "Armed Forces of Ukraine", null);
            api.unit("tro", "Territorial Defence Forces", "afu");
            api.cohort("azovstal", "Azovstal garrison", 2500);
            String id = api.exchange("""
                    {"ref": "kept", "date": "2024-12-30", "kind": "prisoners", "returned": 189,
                     "breakdown": [{"unit": "tro", "cohort": "azovstal", "count": 17}], "notes": "Повернулися"}
                    """);
            api.put("/api/v1/exchanges/" + id, """
                    {"ref": "kept", "date": "2024-12-30", "kind": "prisoners", "returned": 190,
                     "breakdown": [{"unit": "tro", "cohort": "azovstal", "count": 17}], "notes": "Повернулися"}
                    """).header("If-Match", "\"1\"").send().expect(200);
            String report = api.post("/api/v1/reports", """
                    {"scope": {"cohort": "azovstal"}, "metric": "peopleReturned", "value": 1200, "asOf": "2025-01-02"}
                    """).send().expect(201).json().get("id").asText();

            api.restart();

            JsonNode exchange = api.get("/api/v1/exchanges/" + id).send().expect(200).json();
            assertThat(exchange.get("returned").asInt()).isEqualTo(190);
            assertThat(exchange.get("version").asInt()).isEqualTo(2);
            assertThat(exchange.get("notes").asText()).isEqualTo("Повернулися");
            assertThat(exchange.get("breakdown").get(0).get("cohort").asText()).isEqualTo("azovstal");
            assertThat(api.get("/api/v1/exchanges/" + id + "/history").send().json().get("items")).hasSize(2);
            assertThat(api.get("/api/v1/units/tro").send().expect(200).json().get("parent").asText()).isEqualTo("afu");
            assertThat(api.get("/api/v1/cohorts/azovstal").send().expect(200).json().get("size").asInt()).isEqualTo(2500);
            assertThat(api.get("/api/v1/reports/" + report).send().expect(200).json().get("value").asInt()).isEqualTo(1200);
            api.post("/api/v1/exchanges", """
                    {"ref": "kept", "date": "2024-12-30", "kind": "prisoners", "returned": 1}
                    """).send().problem(409);
            api.put("/api/v1/units/after-restart", "{\"name\": \"Written with the same token\"}").send().expect(201);
        }
    }
}

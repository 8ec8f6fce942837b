package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Units and cohorts over HTTP: client-chosen ids, conditional replacement, and refusals to delete what is used. */
class UnitsAndCohortsEndToEndTest {

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
    void put_creates_a_unit_with_201_location_and_etag_1() {
        LiveServer.Reply created = api.put("/api/v1/units/created", "{\"name\": \"Created\"}").send().expect(201);

        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/units/created"));
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(created.json().get("id").asText()).isEqualTo("created");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        JsonNode read = api.get("/api/v1/units/created").send().expect(200).json();
        assertThat(read.get("name").asText()).isEqualTo("Created");
        assertThat(read.path("parent").isNull() || read.path("parent").isMissingNode()).isTrue();
    }

    @Test
    void replacing_a_unit_needs_if_match_428_refuses_a_stale_one_412_and_takes_the_right_one() {
        api.put("/api/v1/units/replaced", "{\"name\": \"Before\"}").send().expect(201);
        String path = "/api/v1/units/replaced";

        api.put(path, "{\"name\": \"After\"}").send().problem(428);
        JsonNode stale = api.put(path, "{\"name\": \"After\"}").header("If-Match", "\"7\"").send().problem(412);
        LiveServer.Reply replaced = api.put(path, "{\"name\": \"After\"}").header("If-Match", "\"1\"").send().expect(200);

        assertThat(stale.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(replaced.header("ETag")).contains("\"2\"");
        assertThat(api.get(path).send().json().get("name").asText()).isEqualTo("After");
        api.put(path, "{\"name\": \"Again\"}").header("If-Match", "\"1\"").send().problem(412);
    }

    @Test
    void an_unknown_parent_is_422_at_parent() {
        api.put("/api/v1/units/orphan", "{\"name\": \"Orphan\", \"parent\": \"nowhere\"}").send().problemAt(422, "/parent");

        api.get("/api/v1/units/orphan").send().problem(404);
    }

    @Test
    void a_parent_cycle_is_422() {
        api.unit("cycle-a", "A", null);
        api.unit("cycle-b", "B", "cycle-a");
        api.unit("cycle-c", "C", "cycle-b");

        api.put("/api/v1/units/cycle-a", "{\"name\": \"A\", \"parent\": \"cycle-c\"}").header("If-Match", "\"1\"")
                .send().problem(422);
        api.put("/api/v1/units/cycle-b", "{\"name\": \"B\", \"parent\": \"cycle-b\"}").header("If-Match", "\"1\"")
                .send().problem(422);
        assertThat(api.get("/api/v1/units/cycle-a").send().json().path("parent").isTextual()).isFalse();
    }

    @Test
    void a_unit_on_a_line_of_a_live_exchange_cannot_be_deleted_until_the_exchange_is() {
        api.unit("on-line", "On a line", null);
        String exchange = api.exchange("""
                {"date": "2024-06-25", "kind": "prisoners", "returned": 10, "breakdown": [{"unit": "on-line", "count": 4}]}
                """);

        JsonNode conflict = api.delete("/api/v1/units/on-line").send().problem(409);
        api.delete("/api/v1/exchanges/" + exchange).send().expect(204);

        assertThat(conflict.get("detail").asText()).isNotBlank();
        api.delete("/api/v1/units/on-line").send().expect(204);
        api.get("/api/v1/units/on-line").send().problem(404);
    }

    @Test
    void a_unit_with_a_child_cannot_be_deleted() {
        api.unit("parent", "Parent", null);
        api.unit("child", "Child", "parent");

        api.delete("/api/v1/units/parent").send().problem(409);

        api.delete("/api/v1/units/child").send().expect(204);
        api.delete("/api/v1/units/parent").send().expect(204);
    }

    @Test
    void a_unit_named_by_a_report_cannot_be_deleted() {
        api.unit("reported", "Reported", null);
        String report = api.post("/api/v1/reports", """
                {"scope": {"unit": "reported"}, "metric": "peopleReturned", "value": 12, "asOf": "2025-01-02"}
                """).send().expect(201).json().get("id").asText();

        api.delete("/api/v1/units/reported").send().problem(409);

        api.delete("/api/v1/reports/" + report).send().expect(204);
        api.delete("/api/v1/units/reported").send().expect(204);
    }

    @Test
    void a_cohort_is_created_replaced_and_read() {
        LiveServer.Reply created = api.put("/api/v1/cohorts/azovstal", """
                {"name": "Azovstal garrison", "size": 2500, "sizeApproximate": true, "description": "Mariupol, 2022"}
                """).send().expect(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/cohorts/azovstal"));
        assertThat(created.header("ETag")).contains("\"1\"");

        api.put("/api/v1/cohorts/azovstal", "{\"name\": \"Azovstal\", \"size\": 2600}").send().problem(428);
        api.put("/api/v1/cohorts/azovstal", "{\"name\": \"Azovstal\", \"size\": 2600}").header("If-Match", "\"2\"")
                .send().problem(412);
        api.put("/api/v1/cohorts/azovstal", "{\"name\": \"Azovstal\", \"size\": 2600}").header("If-Match", "\"1\"")
                .send().expect(200);

        JsonNode read = api.get("/api/v1/cohorts/azovstal").send().expect(200).json();
        assertThat(read.get("size").asInt()).isEqualTo(2600);
        assertThat(read.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void a_cohort_on_a_line_cannot_be_deleted_while_referenced() {
        api.cohort("held", "Held together", 100);
        api.unit("held-unit", "Held unit", null);
        String exchange = api.exchange("""
                {"date": "2024-06-25", "kind": "prisoners", "returned": 10,
                 "breakdown": [{"unit": "held-unit", "cohort": "held", "count": 4}]}
                """);

        api.delete("/api/v1/cohorts/held").send().problem(409);

        api.delete("/api/v1/exchanges/" + exchange).send().expect(204);
        api.delete("/api/v1/cohorts/held").send().expect(204);
    }

    @Test
    void a_cohort_named_by_a_report_cannot_be_deleted() {
        api.cohort("counted", "Counted", 50);
        String report = api.post("/api/v1/reports", """
                {"scope": {"cohort": "counted"}, "metric": "peopleReturned", "value": 12, "asOf": "2025-01-02"}
                """).send().expect(201).json().get("id").asText();

        api.delete("/api/v1/cohorts/counted").send().problem(409);

        api.delete("/api/v1/reports/" + report).send().expect(204);
        api.delete("/api/v1/cohorts/counted").send().expect(204);
    }

    @Test
    void unknown_units_and_cohorts_are_404() {
        api.get("/api/v1/units/never-made").send().problem(404);
        api.get("/api/v1/cohorts/never-made").send().problem(404);
        api.delete("/api/v1/units/never-made").send().problem(404);
        api.delete("/api/v1/cohorts/never-made").send().problem(404);
        api.get("/api/v1/units/Not_A_Slug").send().problem(404);
    }

    @Test
    void an_id_in_the_body_must_match_the_path() {
        api.put("/api/v1/units/path-id", "{\"id\": \"other\", \"name\": \"X\"}").send().problemAt(422, "/id");
    }

    @Test
    void an_id_that_is_not_a_slug_cannot_be_created() {
        LiveServer.Reply reply = api.put("/api/v1/units/Bad_Id", "{\"name\": \"X\"}").send();

        assertThat(reply.status()).isIn(404, 422);
    }

    @Test
    void units_and_cohorts_are_listed() {
        api.unit("listed", "Listed", null);
        api.cohort("listed", "Listed", 3);

        JsonNode units = api.get("/api/v1/units?limit=500").send().expect(200).json();
        JsonNode cohorts = api.get("/api/v1/cohorts?limit=500").send().expect(200).json();

        assertThat(units.get("items")).extracting(u -> u.get("id").asText()).contains("listed");
        assertThat(cohorts.get("items")).extracting(u -> u.get("id").asText()).contains("listed");
        assertThat(units.has("nextCursor")).isTrue();
        String csv = api.get("/api/v1/units?format=csv").send().expect(200).body();
        assertThat(csv).startsWith("id,name,parent,");
    }

    @Test
    void if_none_match_on_a_unit_is_304() {
        api.unit("cached", "Cached", null);

        LiveServer.Reply notModified = api.get("/api/v1/units/cached").header("If-None-Match", "\"1\"").send();

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        api.get("/api/v1/units/cached").header("If-None-Match", "\"9\"").send().expect(200);
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports — figures officials published — recorded, read, listed and deleted over HTTP. */
class ReportsEndToEndTest {

    @TempDir
    static Path dir;
    static LiveServer api;
    static String exchange;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.cohort("azovstal", "Azovstal garrison", 2500);
        exchange = api.exchange("""
                {"date": "2024-12-30", "kind": "prisoners", "returned": 189, "breakdown": [{"unit": "afu", "count": 70}]}
                """);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void a_report_is_recorded_with_201_location_and_etag_and_reads_back() {
        LiveServer.Reply created = api.post("/api/v1/reports", """
                {"scope": {"year": 2024}, "metric": "peopleReturned", "value": 1358, "asOf": "2025-01-02",
                 "source": {"url": "https://www.president.gov.ua/", "title": "Results of 2024",
                            "publisher": "Office of the President", "publishedOn": "2025-01-02"}}
                """).send().expect(201);

        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/reports/" + id));
        assertThat(created.header("ETag")).contains("\"1\"");
        JsonNode read = api.get("/api/v1/reports/" + id).send().expect(200).json();
        assertThat(read.get("scope").get("year").asInt()).isEqualTo(2024);
        assertThat(read.get("metric").asText()).isEqualTo("peopleReturned");
        assertThat(read.get("value").asLong()).isEqualTo(1358);
        assertThat(read.get("asOf").asText()).isEqualTo("2025-01-02");
        assertThat(read.get("source").get("publisher").asText()).isEqualTo("Office of the President");
        assertThat(read.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void every_kind_of_scope_is_accepted() {
        for (String scope : new String[] {"{}", "{\"year\": 2023}", "{\"cohort\": \"azovstal\"}",
                "{\"cohort\": \"azovstal\", \"unit\": \"afu\"}", "{\"unit\": \"afu\"}",
                "{\"exchange\": \"" + exchange + "\"}"}) {
            api.post("/api/v1/reports", """
                    {"scope": %s, "metric": "exchanges", "value": 3, "approximate": true, "asOf": "2025-01-02"}
                    """.formatted(scope)).send().expect(201);
        }
    }

    @Test
    void a_scope_naming_an_unknown_cohort_is_422() {
        api.post("/api/v1/reports", """
                {"scope": {"cohort": "nowhere"}, "metric": "peopleReturned", "value": 10, "asOf": "2025-01-02"}
                """).send().problemAt(422, "/scope/cohort");
    }

    @Test
    void a_scope_naming_an_unknown_unit_or_exchange_is_422() {
        api.post("/api/v1/reports", """
                {"scope": {"unit": "ghost"}, "metric": "peopleReturned", "value": 10, "asOf": "2025-01-02"}
                """).send().problemAt(422, "/scope/unit");
        LiveServer.Reply unknownExchange = api.post("/api/v1/reports", """
                {"scope": {"exchange": "no-such-exchange"}, "metric": "peopleReturned", "value": 10, "asOf": "2025-01-02"}
                """).send();
        unknownExchange.problemAt(422, "/scope/exchange");
    }

    @Test
    void an_unknown_cohort_and_a_negative_value_are_listed_in_one_422() {
        JsonNode problem = api.post("/api/v1/reports", """
                {"scope": {"cohort": "nowhere"}, "metric": "peopleReturned", "value": -1, "asOf": "2025-01-02"}
                """).send().problem(422);

        assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText())
                .containsExactlyInAnyOrder("/scope/cohort", "/value");
    }

    @Test
    void first_time_units_with_a_year_scope_is_422() {
        api.post("/api/v1/reports", """
                {"scope": {"year": 2024}, "metric": "firstTimeUnits", "value": 3, "asOf": "2025-01-02"}
                """).send().problem(422);
        api.post("/api/v1/reports", """
                {"scope": {"exchange": "%s"}, "metric": "firstTimeUnits", "value": 3, "asOf": "2025-01-02"}
                """.formatted(exchange)).send().expect(201);
    }

    @Test
    void a_negative_value_or_an_unknown_metric_is_422() {
        api.post("/api/v1/reports", """
                {"scope": {}, "metric": "peopleReturned", "value": -1, "asOf": "2025-01-02"}
                """).send().problemAt(422, "/value");
        api.post("/api/v1/reports", """
                {"scope": {}, "metric": "prisonersFreed", "value": 1, "asOf": "2025-01-02"}
                """).send().problemAt(422, "/metric");
    }

    @Test
    void reports_are_listed_and_a_deleted_one_is_gone() {
        String id = api.post("/api/v1/reports", """
                {"scope": {"unit": "afu"}, "metric": "peopleReturned", "value": 70, "asOf": "2025-01-03"}
                """).send().expect(201).json().get("id").asText();

        JsonNode listed = api.get("/api/v1/reports?limit=500").send().expect(200).json();
        assertThat(listed.get("items")).extracting(r -> r.get("id").asText()).contains(id);
        assertThat(listed.has("nextCursor")).isTrue();
        assertThat(api.get("/api/v1/reports?format=csv").send().expect(200).body()).startsWith("id,ref,scope.year,");

        api.delete("/api/v1/reports/" + id).send().expect(204);

        api.get("/api/v1/reports/" + id).send().problem(404);
        assertThat(api.get("/api/v1/reports?limit=500").send().json().get("items"))
                .extracting(r -> r.get("id").asText()).doesNotContain(id);
        api.delete("/api/v1/reports/" + id).send().problem(404);
    }

    @Test
    void an_unknown_report_is_404() {
        api.get("/api/v1/reports/unknown").send().problem(404);
    }

    // --- ref and Idempotency-Key: a re-run script never duplicates a published figure

    @Test
    void a_second_post_with_a_used_ref_is_409_naming_the_existing_report() {
        String body = """
                {"ref": "tally-2023", "scope": {"year": 2023}, "metric": "peopleReturned", "value": 1002,
                 "asOf": "2024-01-02"}""";
        String id = api.post("/api/v1/reports", body).send().expect(201).json().get("id").asText();

        JsonNode conflict = api.post("/api/v1/reports", body).send().problem(409);

        assertThat(conflict.toString()).contains(id);
        assertThat(api.get("/api/v1/reports/" + id).send().json().get("ref").asText()).isEqualTo("tally-2023");
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        String body = """
                {"scope": {"year": 2022}, "metric": "exchanges", "value": 3, "asOf": "2023-01-02"}""";
        LiveServer.Reply first = api.post("/api/v1/reports", body).header("Idempotency-Key", "rp-k1").send().expect(201);
        LiveServer.Reply again = api.post("/api/v1/reports", body).header("Idempotency-Key", "rp-k1").send().expect(201);

        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        api.post("/api/v1/reports", body.replace("3", "4")).header("Idempotency-Key", "rp-k1").send().problem(422);
        long withValue3 = java.util.stream.StreamSupport.stream(api.get("/api/v1/reports?limit=500").send().json()
                .get("items").spliterator(), false).filter(r -> r.at("/scope/year").asInt() == 2022).count();
        assertThat(withValue3).isEqualTo(1);
    }

    @Test
    void import_updates_a_report_by_its_ref_keeping_what_the_line_leaves_out() {
        String id = api.post("/api/v1/reports", """
                {"ref": "tally-all", "scope": {}, "metric": "peopleReturned", "value": 4000, "asOf": "2025-01-02",
                 "notes": "kept"}""").send().expect(201).json().get("id").asText();

        JsonNode outcome = api.post("/api/v1/import", null).header("Content-Type", "application/x-ndjson")
                .body("{\"type\": \"report\", \"ref\": \"tally-all\", \"value\": 4100}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send().expect(200).json();

        assertThat(outcome.get("updated").asInt()).isEqualTo(1);
        JsonNode report = api.get("/api/v1/reports/" + id).send().json();
        assertThat(report.get("value").asInt()).isEqualTo(4100);
        assertThat(report.get("notes").asText()).isEqualTo("kept");
    }
}

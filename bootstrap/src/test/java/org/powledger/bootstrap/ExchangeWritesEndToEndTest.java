package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording exchanges over HTTP: what is accepted, and how every kind of bad request is refused. */
class ExchangeWritesEndToEndTest {

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("tro", "Territorial Defence Forces", "afu");
        api.cohort("azovstal", "Azovstal garrison", 2500);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String exchange(String ref) {
        return """
                {"ref": "%s", "date": "2024-12-30", "kind": "prisoners", "returned": 20,
                 "breakdown": [{"unit": "afu", "count": 5}, {"unit": "tro", "cohort": "azovstal", "count": 3}]}
                """.formatted(ref);
    }

    @Test
    void post_answers_201_with_location_and_etag() {
        LiveServer.Reply created = api.post("/api/v1/exchanges", exchange("created")).send().expect(201);

        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/exchanges/" + id));
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(created.json().get("unattributed").asInt()).isEqualTo(12);
        String location = created.header("Location").orElseThrow();
        String path = location.startsWith("http") ? java.net.URI.create(location).getPath() : location;
        assertThat(api.get(path).send().expect(200).json().get("ref").asText()).isEqualTo("created");
    }

    @Test
    void a_second_post_with_the_same_ref_is_409_naming_the_existing_id() {
        String first = api.exchange(exchange("twice"));

        JsonNode conflict = api.post("/api/v1/exchanges", exchange("twice")).send().problem(409);

        assertThat(conflict.get("existingId").asText()).isEqualTo(first);
        assertThat(conflict.get("detail").asText()).contains(first);
    }

    @Test
    void a_breakdown_adding_up_to_more_than_returned_is_422_with_a_pointer() {
        JsonNode problem = api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 5,
                 "breakdown": [{"unit": "afu", "count": 4}, {"unit": "tro", "count": 3}]}
                """).send().problem(422);

        assertThat(problem.get("errors")).isNotEmpty();
        assertThat(problem.get("errors").get(0).get("pointer").asText()).startsWith("/");
        assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void an_unknown_unit_on_a_line_is_422_at_that_line() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 50,
                 "breakdown": [{"unit": "afu", "count": 4}, {"unit": "tro", "count": 3}, {"unit": "ghost", "count": 1}]}
                """).send().problemAt(422, "/breakdown/2/unit");
    }

    @Test
    void bad_values_and_an_unknown_unit_are_listed_in_one_422() {
        JsonNode problem = api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "hostages", "returned": -3,
                 "breakdown": [{"unit": "ghost", "count": 1}]}
                """).send().problem(422);

        assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText())
                .contains("/kind", "/returned", "/breakdown/0/unit");
    }

    @Test
    void an_unknown_cohort_on_a_line_is_422_at_that_line() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 50,
                 "breakdown": [{"unit": "afu", "cohort": "nowhere", "count": 4}]}
                """).send().problemAt(422, "/breakdown/0/cohort");
    }

    @Test
    void a_line_with_count_zero_is_422_at_its_count() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 50, "breakdown": [{"unit": "afu", "count": 0}]}
                """).send().problemAt(422, "/breakdown/0/count");
    }

    @Test
    void a_date_in_the_future_is_422_at_date() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        api.post("/api/v1/exchanges", """
                {"date": "%s", "kind": "prisoners", "returned": 5}
                """.formatted(tomorrow)).send().problemAt(422, "/date");
    }

    @Test
    void a_source_url_that_is_not_http_is_422() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 5, "sources": [{"url": "ftp://example.org/x"}]}
                """).send().problemAt(422, "/sources/0/url");
    }

    @Test
    void an_unknown_field_is_refused_with_a_pointer_to_it() {
        LiveServer.Reply reply = api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 5, "retruned": 6}
                """).send();

        assertThat(reply.status()).isBetween(400, 499);
        reply.problemAt(reply.status(), "/retruned");
    }

    @Test
    void malformed_json_is_400() {
        api.post("/api/v1/exchanges", "{\"date\": \"2024-12-30\", \"kind\": ").send().problem(400);
        api.post("/api/v1/exchanges", "{\"returned\": 1, \"returned\": 2}").send().problem(400);
        api.post("/api/v1/exchanges", "").send().problem(400);
    }

    @Test
    void a_wrong_type_is_422_at_its_place() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": "many"}
                """).send().problemAt(422, "/returned");
        api.post("/api/v1/exchanges", """
                {"date": "30.12.2024", "kind": "prisoners", "returned": 5}
                """).send().problemAt(422, "/date");
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        api.post("/api/v1/exchanges", exchange("as-text")).header("Content-Type", "text/plain").send().problem(415);
        api.post("/api/v1/exchanges", exchange("as-form")).header("Content-Type", "application/x-www-form-urlencoded")
                .send().problem(415);
    }

    @Test
    void a_body_over_one_mebibyte_is_413() {
        String notes = "x".repeat(1024 * 1024 + 10);
        byte[] body = ("{\"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 5, \"notes\": \"" + notes + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        api.post("/api/v1/exchanges", "").body(body).send().problem(413);
    }

    @Test
    void if_none_match_with_the_current_version_is_304() {
        String id = api.exchange(exchange("cached"));

        LiveServer.Reply notModified = api.get("/api/v1/exchanges/" + id).header("If-None-Match", "\"1\"").send();
        LiveServer.Reply changed = api.get("/api/v1/exchanges/" + id).header("If-None-Match", "\"2\"").send();

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).contains("\"1\"");
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void replacing_an_exchange_needs_if_match_and_refuses_a_stale_one() {
        String id = api.exchange(exchange("conditional"));

        api.put("/api/v1/exchanges/" + id, exchange("conditional")).send().problem(428);
        JsonNode stale = api.put("/api/v1/exchanges/" + id, exchange("conditional")).header("If-Match", "\"3\"")
                .send().problem(412);
        api.put("/api/v1/exchanges/" + id, exchange("conditional")).header("If-Match", "*").send().problem(400);

        assertThat(stale.get("currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void a_get_put_delete_of_an_unknown_exchange_is_404() {
        api.get("/api/v1/exchanges/unknown-id").send().problem(404);
        api.get("/api/v1/exchanges/unknown-id/history").send().problem(404);
        api.delete("/api/v1/exchanges/unknown-id").send().problem(404);
        api.put("/api/v1/exchanges/unknown-id", exchange("nowhere")).header("If-Match", "\"1\"").send().problem(404);
    }

    @Test
    void a_repeat_with_the_same_idempotency_key_gives_the_same_exchange() {
        String body = exchange("idempotent");

        LiveServer.Reply first = api.post("/api/v1/exchanges", body).header("Idempotency-Key", "k-1").send().expect(201);
        LiveServer.Reply again = api.post("/api/v1/exchanges", body).header("Idempotency-Key", "k-1").send();
        LiveServer.Reply other = api.post("/api/v1/exchanges", exchange("other-body"))
                .header("Idempotency-Key", "k-1").send();

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        other.problem(422);
    }

    @Test
    void an_unknown_query_parameter_is_400_naming_it() {
        api.get("/api/v1/exchanges?form=2024-01-01").send().badParameter("form");
        api.get("/api/v1/exchanges?from=yesterday").send().badParameter("from");
        api.get("/api/v1/exchanges?from=2024-01-01&from=2024-02-01").send().badParameter("from");
    }

    @Test
    void a_route_that_does_not_exist_is_a_404_problem_and_a_wrong_method_a_405_problem() {
        api.get("/api/v1/nothing-here").send().problem(404);
        api.delete("/api/v1/exchanges").send().problem(405);
    }

    @Test
    void a_negative_or_huge_returned_is_422() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": -1}
                """).send().problemAt(422, "/returned");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 100001}
                """).send().problemAt(422, "/returned");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 99999999999999999999}
                """).send().problemAt(422, "/returned");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "hostages", "returned": 5}
                """).send().problemAt(422, "/kind");
    }
}

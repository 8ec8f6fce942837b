package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd and hostile requests: each must be a 4xx problem document, never a 5xx, an HTML error page
 * or a stack trace (the client in {@link LiveServer} checks that on every answer).
 */
class HostileInputEndToEndTest {

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
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"unit": "afu", "count": 5}]}
                """);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void a_malformed_percent_encoding_in_the_query_is_400() {
        String answer = api.raw("GET /api/v1/exchanges?q=%zz HTTP/1.1");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(answer).doesNotContain("\tat ", "Exception");
    }

    @Test
    void a_malformed_filter_or_limit_is_400_and_never_silently_widens_the_list() {
        for (String query : new String[] {"from=%zz", "limit=%zz", "%zz=1", "q=%E2%82", "unit=afu%"}) {
            String answer = api.raw("GET /api/v1/exchanges?" + query + " HTTP/1.1");

            assertThat(answer).as(query).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void invalid_utf8_in_a_json_body_is_400() {
        byte[] body = {'{', '"', 'n', 'o', 't', 'e', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        api.post("/api/v1/exchanges", "").body(body).send().problem(400);
    }

    @Test
    void json_that_is_not_an_object_is_refused() {
        assertThat(api.post("/api/v1/exchanges", "[1, 2]").send().status()).isIn(400, 422);
        assertThat(api.post("/api/v1/exchanges", "null").send().status()).isIn(400, 422);
        assertThat(api.post("/api/v1/exchanges", "\"text\"").send().status()).isIn(400, 422);
        api.post("/api/v1/exchanges", "{} {}").send().problem(400);
    }

    @Test
    void deeply_nested_json_is_refused_without_a_5xx() {
        String nested = "{\"notes\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(api.post("/api/v1/exchanges", nested).send().status()).isIn(400, 422);
    }

    @Test
    void a_json_charset_other_than_utf8_is_415() {
        api.post("/api/v1/exchanges", "{}").header("Content-Type", "application/json; charset=latin1").send().problem(415);
    }

    @Test
    void a_method_a_path_does_not_have_is_a_405_problem() {
        api.post("/api/v1/units/afu", "{\"name\": \"x\"}").send().problem(405);
        api.put("/api/v1/reports/x", "{}").send().problem(405);
        api.request("PATCH", "/api/v1/exchanges/" + exchange).send().problem(405);
    }

    @Test
    void an_overlong_or_odd_id_in_a_path_is_404() {
        api.get("/api/v1/units/" + "a".repeat(64)).send().problem(404);
        api.get("/api/v1/exchanges/" + "x".repeat(300)).send().problem(404);
        api.get("/api/v1/reports/%20").send().problem(404);
        api.get("/api/v1/units/-leading-dash").send().problem(404);
    }

    @Test
    void an_unknown_query_parameter_on_a_single_resource_is_400() {
        api.get("/api/v1/units/afu?verbose=true").send().badParameter("verbose");
        api.get("/api/v1/exchanges/" + exchange + "?x=1").send().badParameter("x");
    }

    @Test
    void a_malformed_if_match_is_400() {
        api.put("/api/v1/units/afu", "{\"name\": \"x\"}").header("If-Match", "version one").send().problem(400);
    }

    @Test
    void lines_that_break_the_breakdown_rules_are_422() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20,
                 "breakdown": [{"unit": "afu", "count": 5}, {"unit": "afu", "count": 2}]}
                """).send().problem(422);
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"count": 5}]}
                """).send().problemAt(422, "/breakdown/0/unit");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"unit": "afu"}]}
                """).send().problemAt(422, "/breakdown/0/count");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"unit": "afu", "count": 1.5}]}
                """).send().problemAt(422, "/breakdown/0/count");
    }

    @Test
    void a_line_with_only_a_cohort_is_accepted() {
        String id = api.exchange("""
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"cohort": "azovstal", "count": 5}]}
                """);

        assertThat(api.get("/api/v1/exchanges/" + id).send().expect(200).json().get("unattributed").asInt()).isEqualTo(15);
    }

    @Test
    void civilians_on_a_body_repatriation_or_above_returned_are_422() {
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "bodies", "returned": 20, "civilians": 2}
                """).send().problemAt(422, "/civilians");
        api.post("/api/v1/exchanges", """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "civilians": 21}
                """).send().problemAt(422, "/civilians");
    }

    @Test
    void required_fields_missing_are_422_naming_each() {
        api.post("/api/v1/exchanges", "{}").send().problemAt(422, "/date");
        api.post("/api/v1/exchanges", "{}").send().problemAt(422, "/returned");
        api.post("/api/v1/reports", "{}").send().problemAt(422, "/metric");
        api.put("/api/v1/units/nameless", "{}").send().problemAt(422, "/name");
    }

    @Test
    void an_invalid_replacement_leaves_the_record_as_it_was() {
        String id = api.exchange("""
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"unit": "afu", "count": 5}]}
                """);

        api.put("/api/v1/exchanges/" + id, """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 2, "breakdown": [{"unit": "afu", "count": 5}]}
                """).header("If-Match", "\"1\"").send().problem(422);

        assertThat(api.get("/api/v1/exchanges/" + id).send().json().get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/exchanges/" + id + "/history").send().json().get("items")).hasSize(1);
    }

    @Test
    void a_read_only_field_sent_back_is_ignored_so_a_get_can_be_put_back_as_it_is() {
        String id = api.exchange("""
                {"date": "2024-12-30", "kind": "prisoners", "returned": 20, "breakdown": [{"unit": "afu", "count": 5}]}
                """);
        String asRead = api.get("/api/v1/exchanges/" + id).send().body();

        LiveServer.Reply replaced = api.put("/api/v1/exchanges/" + id, asRead).header("If-Match", "\"1\"").send().expect(200);

        // what was read, put back, changes nothing: the same version (API.md: a PUT equal to what is stored)
        assertThat(replaced.json().get("version").asInt()).isEqualTo(1);
        assertThat(replaced.json().get("unattributed").asInt()).isEqualTo(15);
    }

    @Test
    void a_ref_used_by_another_exchange_is_409_on_replace_too() {
        String first = api.exchange("""
                {"ref": "taken", "date": "2024-12-30", "kind": "prisoners", "returned": 1}
                """);
        String second = api.exchange("""
                {"ref": "free", "date": "2024-12-30", "kind": "prisoners", "returned": 1}
                """);

        LiveServer.Reply reply = api.put("/api/v1/exchanges/" + second, """
                {"ref": "taken", "date": "2024-12-30", "kind": "prisoners", "returned": 1}
                """).header("If-Match", "\"1\"").send();

        assertThat(reply.problem(409).get("existingId").asText()).isEqualTo(first);
    }
}

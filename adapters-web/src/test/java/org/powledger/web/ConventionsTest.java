package org.powledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The API.md "Conventions" every endpoint follows: strict JSON in, problem+json for every error. */
class ConventionsTest extends ApiTest {

    static final String EXCHANGES = "/api/v1/exchanges";

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode json = reply.json();
        assertThat(json.get("type").asText()).startsWith("urn:powledger:problem:");
        assertThat(json.get("title").asText()).isNotBlank();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknown_route_is_404_problem() {
        api(client -> assertProblem(client.get("/api/v1/nothing-here").send(), 404));
    }

    @Test
    void wrong_method_is_405_problem_with_allow() {
        api(client -> {
            Reply reply = client.call("PATCH", "/api/v1/units/afu").contentType("application/json").json("{}");

            assertProblem(reply, 405);
            assertThat(reply.header("Allow")).contains("GET").contains("PUT").contains("DELETE");
        });
    }

    @Test
    void wrong_content_type_is_415() {
        api(client -> assertProblem(client.post(EXCHANGES).contentType("text/plain").json("{}"), 415));
        verifyNoInteractions(exchanges);
    }

    @Test
    void missing_content_type_is_415() {
        api(client -> assertProblem(client.post(EXCHANGES).contentType(null).json("{}"), 415));
    }

    @Test
    void json_with_a_utf8_charset_is_accepted() {
        api(client -> assertThat(client.post(EXCHANGES).contentType("application/json; charset=UTF-8")
                .json("{\"unknownField\": 1}").status()).isEqualTo(422));
    }

    @Test
    void json_in_another_charset_is_415() {
        api(client -> assertProblem(client.post(EXCHANGES).contentType("application/json; charset=latin1")
                .json("{}"), 415));
    }

    @Test
    void body_over_1_mib_is_413() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        api(client -> assertProblem(client.post(EXCHANGES).bytes(big), 413));
        verifyNoInteractions(exchanges);
    }

    @Test
    void chunked_body_over_1_mib_is_413() {
        api(client -> {
            byte[] body = ("{\"notes\": \"" + "x".repeat(1100 * 1024) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Reply reply = client.post(EXCHANGES).chunked(() -> new java.io.ByteArrayInputStream(body));

            assertProblem(reply, 413);
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void a_uri_jetty_cannot_decode_is_a_problem_too() {
        api(client -> {
            Reply reply = client.raw("GET /api/v1/units/%zz HTTP/1.1\r\nHost: localhost");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void headers_too_large_are_a_problem_too() {
        api(client -> {
            Reply reply = client.get("/api/v1/units").header("X-Big", "x".repeat(20_000)).send();

            assertThat(reply.status()).isEqualTo(431);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        });
    }

    @Test
    void body_of_exactly_1_mib_is_read() {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        when(exchanges.record(any(), any())).thenThrow(
                org.powledger.domain.model.InvalidRecord.of("/returned", "is required"));
        api(client -> assertThat(client.post(EXCHANGES).bytes(body).status()).isEqualTo(422));
    }

    @Test
    void malformed_json_is_400() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"returned\": 5,");

            assertProblem(reply, 400);
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void empty_body_is_400() {
        api(client -> assertProblem(client.post(EXCHANGES).json(""), 400));
    }

    @Test
    void trailing_content_after_the_object_is_400() {
        api(client -> assertProblem(client.post(EXCHANGES).json("{} {}"), 400));
    }

    @Test
    void duplicate_keys_are_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"returned\": 5, \"returned\": 6}");

            assertProblem(reply, 400);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/returned");
        });
    }

    @Test
    void unknown_field_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("""
                    {"date": "2024-12-30", "kind": "prisoners", "returned": 5,
                     "breakdown": [{"unit": "afu", "count": 1, "cohrot": "azovstal"}]}
                    """);

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/breakdown/0/cohrot");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("is not a known field");
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void float_where_a_whole_number_belongs_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("""
                    {"returned": 5, "breakdown": [{"unit": "afu", "count": 1}, {"unit": "tro", "count": 1},
                                                  {"unit": "nsu", "count": 2.5}]}
                    """);

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/breakdown/2/count");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("must be a whole number");
        });
    }

    @Test
    void string_where_a_number_belongs_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"returned\": \"189\"}");

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/returned");
        });
    }

    @Test
    void number_where_a_string_belongs_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"notes\": 12}");

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/notes");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("must be a string");
        });
    }

    @Test
    void number_out_of_range_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"returned\": 99999999999999}");

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/returned");
        });
    }

    @Test
    void a_date_must_be_yyyy_mm_dd() {
        api(client -> {
            for (String date : new String[] {"\"30.12.2024\"", "\"2024-12-30T10:00:00\"", "\"2024-02-30\"",
                    "20241230", "[2024, 12, 30]"}) {
                Reply reply = client.post(EXCHANGES).json("{\"date\": " + date + "}");

                assertProblem(reply, 422);
                assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/date");
            }
            Reply reply = client.post(EXCHANGES).json("{\"sources\": [{\"url\": \"https://x.org\", "
                    + "\"publishedOn\": \"yesterday\"}]}");
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/sources/0/publishedOn");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("must be a date YYYY-MM-DD");
        });
    }

    @Test
    void a_list_where_an_object_belongs_is_422() {
        api(client -> assertProblem(client.post(EXCHANGES).json("[]"), 422));
    }

    @Test
    void string_where_a_list_belongs_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post(EXCHANGES).json("{\"mediators\": \"UAE\"}");

            assertProblem(reply, 422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/mediators");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("must be an array");
        });
    }

    @Test
    void unexpected_failure_is_500_problem_without_stack_trace() {
        when(exchanges.list(any(), any())).thenThrow(new IllegalStateException("database exploded at line 12"));
        api(client -> {
            Reply reply = client.get(EXCHANGES).send();

            assertProblem(reply, 500);
            assertThat(reply.body()).doesNotContain("database exploded").doesNotContain("IllegalStateException");
        });
    }

    @Test
    void head_is_answered_where_get_is() {
        when(units.list(any())).thenReturn(new org.powledger.domain.model.Page<>(java.util.List.of(), null));
        api(client -> {
            Reply reply = client.call("HEAD", "/api/v1/units").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEmpty();
        });
    }

    @Test
    void json_nested_deeply_is_refused_as_bad_input() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        api(client -> assertProblem(client.post(EXCHANGES).json(deep), 422));
    }

    @Test
    void bytes_that_are_not_utf8_are_400() {
        byte[] body = {'{', '"', 'n', 'o', 't', 'e', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        api(client -> {
            Reply reply = client.post(EXCHANGES).bytes(body);

            assertProblem(reply, 400);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/notes");
        });
    }

    @Test
    void null_instead_of_an_object_is_422() {
        api(client -> assertProblem(client.post(EXCHANGES).json("null"), 422));
    }

    @Test
    void problems_name_the_request_path_as_instance() {
        api(client -> assertThat(client.get("/api/v1/nothing").send().json().get("instance").asText())
                .isEqualTo("/api/v1/nothing"));
    }
}

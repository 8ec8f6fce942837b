package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters and search fed with text that means something to SQL, LIKE or a full-text engine: it must
 * be taken literally, never widen the list, never fail the server.
 */
class SearchEdgeCasesEndToEndTest {

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        for (int day = 1; day <= 3; day++) {
            api.exchange("""
                    {"date": "2024-0%d-01", "kind": "prisoners", "returned": 10, "mediators": ["UAE"],
                     "breakdown": [{"unit": "afu", "count": 1}], "notes": "Азовсталь day %d"}
                    """.formatted(day, day));
        }
        api.exchange("""
                {"date": "2024-05-01", "kind": "prisoners", "returned": 10, "notes": "100% of them, O'Brien said \\"home\\""}
                """);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static int count(String query) {
        return api.get("/api/v1/exchanges?" + query).send().expect(200).json().get("items").size();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"\"", "*", "'", "%", "_", "-", "(", ")", "AND", "OR", "NOT", "NEAR(", "a OR b", "azov*",
            "\"azov", "^azov", "azov:x", "notes:azov", "{", "\\", "'; DROP TABLE exchanges; --", "  ", "\u0000"})
    void search_text_with_meaning_to_sql_or_full_text_engines_is_taken_literally(String q) {
        LiveServer.Reply reply = api.get("/api/v1/exchanges?q=" + encode(q)).send();

        if (q.isBlank()) {
            assertThat(reply.status()).as("a blank q counts as absent").isEqualTo(200);
            return;
        }
        assertThat(reply.status()).as("q=%s answered %s", q, reply.body()).isIn(200, 400);
        if (reply.status() == 200) {
            assertThat(reply.json().get("items").size()).as("q=%s", q).isLessThanOrEqualTo(1);
        } else {
            reply.badParameter("q");
        }
    }

    /** The list is empty, or the filter value is refused with a 400 naming it: never the whole ledger. */
    private static void nothingFor(String parameter, String value) {
        LiveServer.Reply reply = api.get("/api/v1/exchanges?" + parameter + "=" + encode(value)).send();
        if (reply.status() == 400) {
            reply.badParameter(parameter);
        } else {
            assertThat(reply.expect(200).json().get("items")).as("%s=%s", parameter, value).isEmpty();
        }
    }

    @Test
    void percent_and_underscore_in_filters_are_not_wildcards() {
        nothingFor("mediator", "%");
        nothingFor("mediator", "U_E");
        nothingFor("unit", "%");
        nothingFor("unit", "af_");
        nothingFor("operation", "%");
        nothingFor("cohort", "%");
        nothingFor("q", "_zovstal");
    }

    @Test
    void text_with_a_percent_sign_or_quote_is_found() {
        assertThat(count("q=" + encode("O'Brien"))).isEqualTo(1);
        assertThat(count("q=100")).isEqualTo(1);
    }

    @Test
    void a_blank_filter_counts_as_absent() {
        assertThat(count("q=&unit=")).isEqualTo(4);
    }

    @Test
    void an_impossible_date_is_400_and_a_reversed_window_is_empty_or_400() {
        api.get("/api/v1/exchanges?from=2024-02-30").send().badParameter("from");
        api.get("/api/v1/exchanges?to=24-01-01").send().badParameter("to");
        LiveServer.Reply reversed = api.get("/api/v1/exchanges?from=2024-12-31&to=2024-01-01").send();
        assertThat(reversed.status()).isIn(200, 400);
        if (reversed.status() == 200) {
            assertThat(reversed.json().get("items")).isEmpty();
        }
    }

    @Test
    void a_filter_on_an_unknown_unit_or_kind_gives_nothing_or_a_400_never_everything() {
        LiveServer.Reply unknownUnit = api.get("/api/v1/exchanges?unit=ghost").send();
        LiveServer.Reply unknownKind = api.get("/api/v1/exchanges?kind=hostages").send();

        for (LiveServer.Reply reply : List.of(unknownUnit, unknownKind)) {
            assertThat(reply.status()).isIn(200, 400);
            if (reply.status() == 200) {
                assertThat(reply.json().get("items")).isEmpty();
            }
        }
    }

    @Test
    void the_link_header_keeps_a_cyrillic_search_when_followed() {
        List<String> notes = new ArrayList<>();
        String next = "/api/v1/exchanges?q=" + encode("азовст") + "&limit=1";
        while (next != null) {
            LiveServer.Reply page = api.get(next).send().expect(200);
            page.json().get("items").forEach(e -> notes.add(e.get("notes").asText()));
            next = page.header("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
            assertThat(notes).hasSizeLessThanOrEqualTo(3);
        }

        assertThat(notes).containsExactly("Азовсталь day 3", "Азовсталь day 2", "Азовсталь day 1");
    }

    @Test
    void a_cursor_given_first_is_replaced_not_repeated_in_the_next_link() {
        JsonNode first = api.get("/api/v1/exchanges?limit=1").send().json();
        String cursor = encode(first.get("nextCursor").asText());

        LiveServer.Reply second = api.get("/api/v1/exchanges?cursor=" + cursor + "&limit=1").send().expect(200);

        String link = second.header("Link").orElseThrow();
        assertThat(link.split("cursor=", -1)).hasSize(2);
        String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(api.get(target).send().expect(200).json().get("items").get(0).get("date").asText())
                .isEqualTo("2024-02-01");
    }

    @Test
    void csv_asked_for_on_a_bad_request_still_gets_a_problem_document() {
        api.get("/api/v1/exchanges?limit=0").header("Accept", "text/csv").send().badParameter("limit");
        api.get("/api/v1/exchanges?limit=0&format=csv").send().badParameter("limit");
    }
}

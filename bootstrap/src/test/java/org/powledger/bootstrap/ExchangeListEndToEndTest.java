package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing exchanges on a small ledger of five records: every filter, newest first, pages that follow
 * one another through {@code nextCursor} and {@code Link}, and the same list as CSV.
 */
class ExchangeListEndToEndTest {

    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>;\\s*rel=\"next\"$");
    private static final String TRICKY_NOTE = "Said: \"all home\", at last\nsecond line";

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("tro", "Territorial Defence Forces", "afu");
        api.unit("nsu", "National Guard of Ukraine", null);
        api.unit("navy", "Navy", null);
        api.cohort("azovstal", "Azovstal garrison", 2500);
        // Recorded out of date order on purpose: the list is ordered by date, not by recording.
        api.exchange("""
                {"ref": "r-2024-12-30", "date": "2024-12-30", "kind": "prisoners", "returned": 189,
                 "mediators": ["UAE"],
                 "breakdown": [{"unit": "afu", "count": 70}, {"unit": "nsu", "count": 43}, {"unit": "navy", "count": 24}],
                 "notes": %s}
                """.formatted(LiveServer.quote(TRICKY_NOTE)));
        api.exchange("""
                {"ref": "r-2022-09-21", "date": "2022-09-21", "kind": "prisoners", "returned": 215,
                 "mediators": ["Turkey", "Saudi Arabia"],
                 "breakdown": [{"unit": "nsu", "cohort": "azovstal", "count": 100}, {"unit": "afu", "count": 50}],
                 "sources": [{"url": "https://www.pravda.com.ua/", "title": "Azovstal defenders are home",
                              "publisher": "Ukrainska Pravda"}],
                 "notes": "Оборонці Азовсталі повернулися додому"}
                """);
        api.exchange("""
                {"ref": "r-2023-08-07", "date": "2023-08-07", "kind": "bodies", "returned": 50, "notes": "repatriation from Zmiïnyi"}
                """);
        api.exchange("""
                {"ref": "r-2024-06-25", "date": "2024-06-25", "kind": "prisoners", "returned": 90, "operation": "op-june",
                 "mediators": ["UAE"], "breakdown": [{"unit": "tro", "count": 10}], "notes": "Zmiinyi defenders"}
                """);
        api.exchange("""
                {"ref": "december-seed", "date": "2024-06-26", "kind": "prisoners", "returned": 10, "operation": "op-june",
                 "breakdown": [{"unit": "navy", "count": 5}]}
                """);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The dates of the listed exchanges, in the order listed. */
    private static List<String> dates(String query) {
        JsonNode page = api.get("/api/v1/exchanges" + query).send().expect(200).json();
        List<String> dates = new ArrayList<>();
        page.get("items").forEach(e -> dates.add(e.get("date").asText()));
        return dates;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void the_list_is_newest_first() {
        assertThat(dates("")).containsExactly("2024-12-30", "2024-06-26", "2024-06-25", "2023-08-07", "2022-09-21");
    }

    @Test
    void from_and_to_are_inclusive_dates() {
        assertThat(dates("?from=2024-01-01")).containsExactly("2024-12-30", "2024-06-26", "2024-06-25");
        assertThat(dates("?to=2023-12-31")).containsExactly("2023-08-07", "2022-09-21");
        assertThat(dates("?from=2023-08-07&to=2024-06-25")).containsExactly("2024-06-25", "2023-08-07");
        assertThat(dates("?from=2025-01-01")).isEmpty();
    }

    @Test
    void kind_filters_prisoners_from_bodies() {
        assertThat(dates("?kind=bodies")).containsExactly("2023-08-07");
        assertThat(dates("?kind=prisoners")).hasSize(4).doesNotContain("2023-08-07");
    }

    @Test
    void unit_includes_its_sub_units() {
        assertThat(dates("?unit=afu")).containsExactly("2024-12-30", "2024-06-25", "2022-09-21");
        assertThat(dates("?unit=tro")).containsExactly("2024-06-25");
        assertThat(dates("?unit=navy")).containsExactly("2024-12-30", "2024-06-26");
    }

    @Test
    void cohort_mediator_and_operation_filter() {
        assertThat(dates("?cohort=azovstal")).containsExactly("2022-09-21");
        assertThat(dates("?mediator=UAE")).containsExactly("2024-12-30", "2024-06-25");
        assertThat(dates("?mediator=" + encode("Saudi Arabia"))).containsExactly("2022-09-21");
        assertThat(dates("?operation=op-june")).containsExactly("2024-06-26", "2024-06-25");
    }

    @Test
    void filters_combine() {
        assertThat(dates("?unit=afu&from=2024-01-01&mediator=UAE")).containsExactly("2024-12-30", "2024-06-25");
        assertThat(dates("?kind=bodies&unit=afu")).isEmpty();
    }

    @Test
    void q_matches_word_prefixes_in_titles_publishers_notes_and_refs_case_insensitively() {
        assertThat(dates("?q=azovst")).containsExactly("2022-09-21");
        assertThat(dates("?q=AZOVSTAL")).containsExactly("2022-09-21");
        assertThat(dates("?q=pravd")).containsExactly("2022-09-21");
        assertThat(dates("?q=repatri")).containsExactly("2023-08-07");
        assertThat(dates("?q=december")).containsExactly("2024-06-26");
        assertThat(dates("?q=zovstal")).as("not a word prefix").isEmpty();
    }

    @Test
    void q_finds_cyrillic_words_by_prefix_in_any_case() {
        assertThat(dates("?q=" + encode("азовст"))).containsExactly("2022-09-21");
        assertThat(dates("?q=" + encode("ОБОРОНЦІ"))).containsExactly("2022-09-21");
        assertThat(dates("?q=" + encode("додом"))).containsExactly("2022-09-21");
    }

    @Test
    void q_matches_letters_without_their_diacritics_both_ways() {
        assertThat(dates("?q=zmii")).containsExactly("2024-06-25", "2023-08-07");
        assertThat(dates("?q=" + encode("ZMIÏ"))).containsExactly("2024-06-25", "2023-08-07");
        assertThat(dates("?q=" + encode("zmiïnyi defend"))).containsExactly("2024-06-25");
    }

    @Test
    void pages_follow_one_another_through_next_cursor() {
        JsonNode first = api.get("/api/v1/exchanges?limit=2").send().expect(200).json();
        String cursor = first.get("nextCursor").asText();
        JsonNode second = api.get("/api/v1/exchanges?limit=2&cursor=" + encode(cursor)).send().expect(200).json();
        JsonNode third = api.get("/api/v1/exchanges?limit=2&cursor=" + encode(second.get("nextCursor").asText()))
                .send().expect(200).json();

        assertThat(first.get("items")).extracting(e -> e.get("date").asText()).containsExactly("2024-12-30", "2024-06-26");
        assertThat(second.get("items")).extracting(e -> e.get("date").asText()).containsExactly("2024-06-25", "2023-08-07");
        assertThat(third.get("items")).extracting(e -> e.get("date").asText()).containsExactly("2022-09-21");
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void the_link_header_names_the_next_page_keeping_the_filters_and_works_when_followed() {
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/exchanges?unit=afu&limit=1";
        int pages = 0;
        while (next != null) {
            LiveServer.Reply page = api.get(next).send().expect(200);
            page.json().get("items").forEach(e -> seen.add(e.get("date").asText()));
            pages++;
            next = page.header("Link").map(ExchangeListEndToEndTest::nextTarget).orElse(null);
            assertThat(page.json().get("nextCursor").isNull()).isEqualTo(next == null);
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("2024-12-30", "2024-06-25", "2022-09-21");
    }

    /** The path and query of a {@code Link: <…>; rel="next"} header, relative or absolute. */
    private static String nextTarget(String link) {
        Matcher m = NEXT_LINK.matcher(link.strip());
        assertThat(m.matches()).as("Link header %s", link).isTrue();
        URI target = URI.create(m.group(1));
        return target.getRawPath() + "?" + target.getRawQuery();
    }

    @Test
    void the_last_page_has_no_link_header() {
        LiveServer.Reply all = api.get("/api/v1/exchanges?limit=500").send().expect(200);

        assertThat(all.header("Link")).isEmpty();
        assertThat(all.json().get("nextCursor").isNull()).isTrue();
        assertThat(all.json().get("items")).hasSize(5);
    }

    @Test
    void limit_outside_one_to_five_hundred_is_400_naming_limit() {
        api.get("/api/v1/exchanges?limit=0").send().badParameter("limit");
        api.get("/api/v1/exchanges?limit=501").send().badParameter("limit");
        api.get("/api/v1/exchanges?limit=abc").send().badParameter("limit");
        api.get("/api/v1/exchanges?limit=-1").send().badParameter("limit");
        api.get("/api/v1/exchanges?limit=500").send().expect(200);
        api.get("/api/v1/exchanges?limit=1").send().expect(200);
    }

    @Test
    void a_cursor_that_was_never_given_is_400() {
        api.get("/api/v1/exchanges?cursor=not-a-cursor").send().badParameter("cursor");
    }

    @Test
    void a_bad_filter_value_is_400_naming_it() {
        api.get("/api/v1/exchanges?to=2024-13-01").send().badParameter("to");
        api.get("/api/v1/exchanges?format=xml").send().badParameter("format");
    }

    @Test
    void the_list_answers_csv_when_asked_by_accept_header() {
        LiveServer.Reply csv = api.get("/api/v1/exchanges").header("Accept", "text/csv").send().expect(200);

        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,ref,date,kind,operation,returned,handedOver,civilians,mediators,breakdown,"
                + "unattributed,");
        assertThat(csv.body()).contains(",r-2022-09-21,2022-09-21,prisoners,,215,,,Turkey;Saudi Arabia,");
        assertThat(csv.body()).contains("nsu/azovstal:100;afu:50");
    }

    @Test
    void the_list_answers_csv_when_asked_by_format_parameter() {
        LiveServer.Reply byParameter = api.get("/api/v1/exchanges?format=csv").send().expect(200);
        LiveServer.Reply byHeader = api.get("/api/v1/exchanges").header("Accept", "text/csv").send().expect(200);

        assertThat(byParameter.contentType()).startsWith("text/csv");
        assertThat(byParameter.body()).isEqualTo(byHeader.body());
    }

    @Test
    void csv_quotes_a_note_with_comma_quote_and_newline_as_rfc_4180_says() {
        String csv = api.get("/api/v1/exchanges?format=csv&kind=prisoners&from=2024-12-01").send().expect(200).body();

        assertThat(csv).contains("\"Said: \"\"all home\"\", at last\nsecond line\"");
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows).hasSize(2);
        int notes = rows.get(0).indexOf("notes");
        assertThat(rows.get(1).get(notes)).isEqualTo(TRICKY_NOTE);
        assertThat(rows.get(1)).hasSameSizeAs(rows.get(0));
    }

    @Test
    void csv_has_one_row_per_item_and_honours_filters() {
        List<List<String>> rows = parseCsv(api.get("/api/v1/exchanges?format=csv&unit=afu").send().expect(200).body());

        assertThat(rows).hasSize(1 + 3);
        int date = rows.get(0).indexOf("date");
        assertThat(rows.subList(1, 4)).extracting(r -> r.get(date)).containsExactly("2024-12-30", "2024-06-25", "2022-09-21");
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields may hold anything. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

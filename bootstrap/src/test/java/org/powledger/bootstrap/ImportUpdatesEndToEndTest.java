package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update by import changes only what the line or file gives (API.md, "Import and export"): an absent
 * field or column keeps its stored value, a present and empty one clears it. What the CSV export writes,
 * edited as a spreadsheet would, imports back changing exactly the edited cells.
 */
class ImportUpdatesEndToEndTest {

    private static final String FULL = """
            {"ref": "dec30", "date": "2024-12-30", "kind": "prisoners", "returned": 189, "handedOver": 150,
             "civilians": 2, "mediators": ["UAE"], "breakdown": [{"unit": "afu", "count": 70}],
             "sources": [{"url": "https://www.unn.ua/", "title": "189 home", "publisher": "UNN"}],
             "notes": "Azovstal and Zmiinyi Island"}""";

    @TempDir
    Path dir;
    LiveServer api;

    @BeforeEach
    void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("nsu", "National Guard of Ukraine", null);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode importing(String contentType, String body) {
        return api.post("/api/v1/import", null).header("Content-Type", contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).send().expect(200).json();
    }

    private JsonNode exchange(String id) {
        return api.get("/api/v1/exchanges/" + id).send().expect(200).json();
    }

    @Test
    void a_csv_without_sources_columns_updates_by_ref_and_keeps_the_sources_and_every_absent_field() {
        String id = api.exchange(FULL);

        JsonNode outcome = importing("text/csv", "ref,date,kind,returned\r\ndec30,2024-12-30,prisoners,190\r\n");

        assertThat(outcome.get("updated").asInt()).isEqualTo(1);
        JsonNode after = exchange(id);
        assertThat(after.get("returned").asInt()).isEqualTo(190);
        assertThat(after.get("sources")).hasSize(1);
        assertThat(after.at("/sources/0/title").asText()).isEqualTo("189 home");
        assertThat(after.get("notes").asText()).isEqualTo("Azovstal and Zmiinyi Island");
        assertThat(after.get("mediators").get(0).asText()).isEqualTo("UAE");
        assertThat(after.get("handedOver").asInt()).isEqualTo(150);
        assertThat(after.at("/breakdown/0/unit").asText()).isEqualTo("afu");
    }

    @Test
    void a_present_and_empty_csv_column_clears_the_field() {
        String id = api.exchange(FULL);

        importing("text/csv", "ref,date,kind,returned,notes,sources.url\r\ndec30,2024-12-30,prisoners,189,,\r\n");

        JsonNode after = exchange(id);
        assertThat(after.path("notes").isNull()).isTrue();
        assertThat(after.get("sources")).isEmpty();
        assertThat(after.get("mediators")).hasSize(1);
    }

    @Test
    void an_ndjson_line_keeps_the_fields_it_leaves_out_and_clears_those_it_gives_as_null() {
        String id = api.exchange(FULL);

        JsonNode outcome = importing("application/x-ndjson",
                "{\"type\": \"exchange\", \"id\": \"" + id + "\", \"returned\": 191, \"handedOver\": null}\n");

        assertThat(outcome.get("updated").asInt()).isEqualTo(1);
        JsonNode after = exchange(id);
        assertThat(after.get("returned").asInt()).isEqualTo(191);
        assertThat(after.path("handedOver").isNull()).isTrue();
        assertThat(after.get("date").asText()).isEqualTo("2024-12-30");
        assertThat(after.get("sources")).hasSize(1);
        assertThat(after.get("notes").asText()).isEqualTo("Azovstal and Zmiinyi Island");
    }

    @Test
    void an_ndjson_unit_line_that_gives_only_its_parent_keeps_its_name() {
        importing("application/x-ndjson", "{\"type\": \"unit\", \"id\": \"nsu\", \"parent\": \"afu\"}\n");

        JsonNode nsu = api.get("/api/v1/units/nsu").send().expect(200).json();
        assertThat(nsu.get("name").asText()).isEqualTo("National Guard of Ukraine");
        assertThat(nsu.get("parent").asText()).isEqualTo("afu");
    }

    @Test
    void the_csv_export_imported_back_unchanged_counts_every_row_unchanged() {
        api.exchange(FULL);
        api.exchange("{\"date\": \"2024-12-31\", \"kind\": \"bodies\", \"returned\": 5, \"notes\": \"=1+1\"}");
        String csv = api.get("/api/v1/export?format=csv").send().expect(200).body();

        JsonNode outcome = importing("text/csv", csv);

        assertThat(outcome.get("unchanged").asInt()).isEqualTo(2);
        assertThat(outcome.get("created").asInt() + outcome.get("updated").asInt()).isZero();
    }

    @Test
    void a_csv_export_edited_as_a_spreadsheet_would_changes_exactly_the_edited_cells() {
        String first = api.exchange(FULL);
        String second = api.exchange("""
                {"ref": "dec31", "date": "2024-12-31", "kind": "prisoners", "returned": 43, "operation": "op-1",
                 "breakdown": [{"unit": "nsu", "count": 43}], "notes": "second",
                 "sources": [{"url": "https://a.example/1", "title": "One"}, {"url": "https://b.example/2"}]}""");
        JsonNode firstBefore = exchange(first);
        JsonNode secondBefore = exchange(second);
        List<List<String>> table = parse(api.get("/api/v1/export?format=csv").send().expect(200).body());

        // The spreadsheet: the notes column dropped, the second exchange's returned changed from 43 to 44.
        int notes = table.get(0).indexOf("notes");
        int returned = table.get(0).indexOf("returned");
        int idColumn = table.get(0).indexOf("id");
        for (List<String> row : table) {
            row.remove(notes);
            if (row.get(idColumn).equals(second)) {
                row.set(returned, "44");
            }
        }
        String edited = "\uFEFF" + table.stream().map(ImportUpdatesEndToEndTest::csvRow)
                .collect(Collectors.joining("\r\n")) + "\r\n";

        JsonNode outcome = importing("text/csv", edited);

        assertThat(outcome.get("updated").asInt()).isEqualTo(1);
        assertThat(outcome.get("unchanged").asInt()).isEqualTo(1);
        assertThat(outcome.get("created").asInt()).isZero();
        assertThat(withoutServerFields(exchange(first))).isEqualTo(withoutServerFields(firstBefore));
        JsonNode secondAfter = exchange(second);
        assertThat(secondAfter.get("returned").asInt()).isEqualTo(44);
        ((com.fasterxml.jackson.databind.node.ObjectNode) secondAfter).put("returned", 43);
        assertThat(withoutServerFields(secondAfter)).isEqualTo(withoutServerFields(secondBefore));
    }

    private static JsonNode withoutServerFields(JsonNode exchange) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = exchange.deepCopy();
        copy.remove(List.of("version", "updatedAt", "unattributed"));
        return copy;
    }

    /** A CSV answer as rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private static String csvRow(List<String> cells) {
        return cells.stream().map(c -> c.contains(",") || c.contains("\"") || c.contains("\n")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c).collect(Collectors.joining(","));
    }

    @SuppressWarnings("unused")
    private static List<String> cells(String... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.AccessScope;

/**
 * {@code examples/public-record.ndjson} (the exchanges as public news reported them, and the official
 * tallies) imported into the real server on a real SQLite file through {@code POST /api/v1/import}:
 * its yearly sums are the ones the data's README gives, and its reconciliation shows the honest gaps
 * between the rows and the official tallies that the README of the data explains.
 *
 * <p>The expected figures come from the data's README ("Sums from the rows", "Officially reported
 * totals found"), not from the server; the yearly sums are also worked out here from the file's lines,
 * so a change to the file that moves a sum fails twice over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicRecordLedgerTest {

    static final Path EXAMPLES = Path.of("..", "examples");
    static final Path LEDGER = EXAMPLES.resolve("public-record.ndjson");

    /** People returned per year, summed from the CSV rows (the data's README, "Sums from the rows"). */
    private static final Map<Integer, Long> ROWS_RETURNED = Map.of(
            2022, 1552L, 2023, 996L, 2024, 1348L, 2025, 2289L, 2026, 659L);
    /**
     * Exchanges per year: one per row, except the three stages of the May 2025 1000-for-1000 swap and
     * the two of the March 2026 500-for-500 swap, which count once each.
     */
    private static final Map<Integer, Long> EXCHANGES = Map.of(
            2022, 32L, 2023, 13L, 2024, 11L, 2025, 9L, 2026, 2L);

    private Server server;
    private SeedHttp api;
    private JsonNode importAnswer;

    @BeforeAll
    void importThePublicRecord(@TempDir Path dir) throws IOException {
        server = Server.start(dir.resolve("public-record.db").toString(), "127.0.0.1", 0, false);
        api = new SeedHttp(server.port(), server.ledger().tokens.create("loader", AccessScope.WRITE));
        SeedHttp.Answer answer = api.post("/import", BodyPublishers.ofFile(LEDGER), "application/x-ndjson");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        importAnswer = answer.json();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void every_line_is_created_once() {
        assertThat(importAnswer.get("created").asLong()).isEqualTo(lines().size());
        assertThat(importAnswer.get("updated").asLong()).isZero();
    }

    @Test
    void the_yearly_sums_are_those_of_the_rows() {
        Map<Integer, Long> fromServer = new LinkedHashMap<>();
        Map<Integer, Long> exchanges = new LinkedHashMap<>();
        for (JsonNode year : api.get("/stats/yearly").get("years")) {
            fromServer.put(year.get("year").asInt(), year.get("peopleReturned").asLong());
            exchanges.put(year.get("year").asInt(), year.get("exchanges").asLong());
        }

        assertThat(fromServer).isEqualTo(ROWS_RETURNED).isEqualTo(returnedPerYearInTheFile());
        assertThat(exchanges).isEqualTo(EXCHANGES);
        assertThat(api.get("/stats/summary").get("peopleReturned").asLong()).isEqualTo(6844);
    }

    @Test
    void the_change_from_2023_to_2024_is_that_of_the_rows_not_the_official_356() {
        JsonNode year2024 = StreamSupport.stream(api.get("/stats/yearly").get("years").spliterator(), false)
                .filter(y -> y.get("year").asInt() == 2024).findFirst().orElseThrow();

        assertThat(year2024.at("/change/peopleReturned").asLong()).isEqualTo(1348 - 996);
    }

    @Test
    void stages_of_one_operation_count_once() {
        JsonNode largest = api.get("/stats/summary").get("largestExchange");

        assertThat(largest.get("id").asText()).isEqualTo("ex_2025-05-23");
        assertThat(largest.get("returned").asLong()).isEqualTo(390 + 307 + 303);
        assertThat(api.get("/exchanges?operation=500-for-500").get("items")).hasSize(2);
    }

    @Test
    void in_2024_the_ledger_holds_1348_of_the_1358_announced() {
        JsonNode item = reconciliation().get("rp_2024_peopleReturned");

        assertThat(item.get("reported").asLong()).isEqualTo(1358);
        assertThat(item.get("recorded").asLong()).isEqualTo(1348);
        assertThat(item.get("difference").asLong()).isEqualTo(-10);
        assertThat(item.get("status").asText()).isEqualTo("ledgerBelow");
    }

    @Test
    void the_eleven_exchanges_of_2024_are_all_there() {
        JsonNode item = reconciliation().get("rp_2024_exchanges");

        assertThat(item.get("recorded").asLong()).isEqualTo(11);
        assertThat(item.get("status").asText()).isEqualTo("match");
    }

    @Test
    void every_official_tally_is_held_against_the_ledger() {
        Map<String, JsonNode> items = reconciliation();

        assertThat(gap(items, "rp_2022_peopleReturned")).isEqualTo(List.of(1596L, 1552L, -44L, "ledgerBelow"));
        assertThat(gap(items, "rp_2023_peopleReturned")).isEqualTo(List.of(1002L, 996L, -6L, "ledgerBelow"));
        assertThat(gap(items, "rp_2025_peopleReturned")).isEqualTo(List.of(2310L, 2289L, -21L, "ledgerBelow"));
        assertThat(gap(items, "rp_all_peopleReturned")).isEqualTo(List.of(8050L, 6844L, -1206L, "ledgerBelow"));
        assertThat(gap(items, "rp_all_exchanges")).isEqualTo(List.of(70L, 67L, -3L, "ledgerBelow"));
        assertThat(gap(items, "rp_2024-12-30_peopleReturned")).isEqualTo(List.of(189L, 189L, 0L, "match"));
        assertThat(gap(items, "rp_1000-for-1000_peopleReturned")).isEqualTo(List.of(1000L, 1000L, 0L, "match"));
        assertThat(items).hasSize((int) lines().stream().filter(l -> l.get("type").asText().equals("report")).count());
    }

    @Test
    void the_azovstal_figures_are_only_those_the_sources_tie_to_the_garrison() {
        JsonNode azovstal = api.get("/stats/cohorts/azovstal");
        long tagged = lines().stream().filter(l -> l.get("type").asText().equals("exchange"))
                .flatMap(l -> StreamSupport.stream(l.path("breakdown").spliterator(), false))
                .filter(b -> "azovstal".equals(b.path("cohort").asText(null)))
                .mapToLong(b -> b.get("count").asLong()).sum();

        assertThat(azovstal.get("recorded").asLong()).isEqualTo(tagged).isEqualTo(43 + 37 + 74 + 63 + 71 + 45);
        assertThat(gap(reconciliation(), "rp_azovstal_peopleReturned"))
                .isEqualTo(List.of(1279L, 333L, -946L, "ledgerBelow"));
        assertThat(gap(reconciliation(), "rp_azovstal-azov_peopleReturned"))
                .isEqualTo(List.of(455L, 88L, -367L, "ledgerBelow"));
    }

    @Test
    void loading_it_again_changes_nothing() {
        SeedHttp.Answer again = api.post("/import", BodyPublishers.ofString(read(LEDGER)), "application/x-ndjson");

        assertThat(again.json().get("unchanged").asLong()).isEqualTo(lines().size());
    }

    /** The committed file is what the committed converter makes of the committed CSV (needs python3). */
    @Test
    void the_file_is_the_converters_output() throws Exception {
        Process python;
        try {
            python = new ProcessBuilder("python3", EXAMPLES.resolve("public-record.py").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noPython) {
            Assumptions.abort("python3 is not installed: " + noPython.getMessage());
            return;
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(python.exitValue()).isZero();
        assertThat(output).isEqualTo(read(LEDGER));
    }

    private Map<String, JsonNode> reconciliation() {
        Map<String, JsonNode> byReport = new HashMap<>();
        api.get("/stats/reconciliation").get("items").forEach(item -> byReport.put(item.get("report").asText(), item));
        return byReport;
    }

    private static List<Object> gap(Map<String, JsonNode> items, String report) {
        JsonNode item = items.get(report);
        assertThat(item).as("reconciliation item of %s", report).isNotNull();
        return List.of(item.get("reported").asLong(), item.get("recorded").asLong(), item.get("difference").asLong(),
                item.get("status").asText());
    }

    private static Map<Integer, Long> returnedPerYearInTheFile() {
        Map<Integer, Long> sums = new HashMap<>();
        lines().stream().filter(l -> l.get("type").asText().equals("exchange"))
                .filter(l -> l.get("kind").asText().equals("prisoners"))
                .forEach(l -> sums.merge(Integer.parseInt(l.get("date").asText().substring(0, 4)),
                        l.get("returned").asLong(), Long::sum));
        return sums;
    }

    private static List<ObjectNode> lines() {
        return read(LEDGER).lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return (ObjectNode) SeedJson.JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

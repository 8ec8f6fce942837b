package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.domain.fixtures.SeedLedger.AZOVSTAL_AZOV_RETURNED;
import static org.powledger.domain.fixtures.SeedLedger.AZOVSTAL_RETURNED;
import static org.powledger.domain.fixtures.SeedLedger.DECEMBER_30;
import static org.powledger.domain.fixtures.SeedLedger.EXCHANGES_2024;
import static org.powledger.domain.fixtures.SeedLedger.FIRST_TIME_UNITS_1000_FOR_1000;
import static org.powledger.domain.fixtures.SeedLedger.RETURNED_2023;
import static org.powledger.domain.fixtures.SeedLedger.RETURNED_2024;
import static org.powledger.domain.fixtures.SeedLedger.THOUSAND_FOR_THOUSAND_STAGES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.Unit;

/**
 * Every figure of the two seed texts ({@code shared/seeds/}), read over HTTP from the real server on a
 * real SQLite file holding the seed ledger. How the ledger gets there is the subclass's business:
 * recorded resource by resource, or imported from {@code examples/seeds.ndjson}. Each test starts
 * from a fresh ledger, so a test that writes changes nothing for the others.
 *
 * <p>The expected figures are the seed texts' own; anything else (a share, a difference, a year's
 * total after a deletion) is worked out here from those figures and from what the server answers.
 */
abstract class SeedFiguresOverHttpContract {

    private static final String YEAR_2024 = "from=2024-01-01&to=2024-12-31";
    private static final int SEED_REPORTS = SeedLedger.reports(SeedLedger::idOf).size();

    private Server server;
    protected SeedHttp api;
    /** The id the server gave each exchange record, by its ref. */
    private Map<String, String> ids;

    /** Puts the whole seed ledger into the empty ledger behind {@code api}. */
    protected abstract void loadSeedLedger(SeedHttp api);

    @BeforeEach
    void serveTheSeedLedger(@TempDir Path dir) {
        server = Server.start(dir.resolve("seeds.db").toString(), "127.0.0.1", 0, false);
        api = new SeedHttp(server.port(), server.ledger().tokens.create("seeds", AccessScope.WRITE));
        loadSeedLedger(api);
        ids = exchangeIdsByRef();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_whole_seed_ledger_is_recorded() {
        assertThat(ids).containsOnlyKeys(SeedLedger.exchanges().stream().map(Exchange::ref).toList());
        assertThat(items(api.get("/units?limit=500")))
                .extracting(unit -> unit.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(SeedLedger.units().stream().map(u -> u.id().value()).toList());
        assertThat(items(api.get("/reports?limit=500"))).hasSize(SEED_REPORTS);
    }

    // --- "during 2024 ... 11 exchanges, as a result of which 1,358 Ukrainians were released";
    //     "Compared to 2023, 356 more people were returned"

    @Test
    void in_2024_eleven_exchanges_returned_1358_people() {
        JsonNode year2024 = year(api.get("/stats/yearly"), 2024);

        assertThat(year2024.get("exchanges").asLong()).isEqualTo(EXCHANGES_2024);
        assertThat(year2024.get("peopleReturned").asLong()).isEqualTo(RETURNED_2024);
    }

    @Test
    void in_2024_356_more_people_came_home_than_the_1002_of_2023() {
        JsonNode years = api.get("/stats/yearly");

        assertThat(year(years, 2023).get("peopleReturned").asLong()).isEqualTo(RETURNED_2023);
        JsonNode change = year(years, 2024).get("change");
        assertThat(change.get("peopleReturned").asLong()).isEqualTo(356).isEqualTo(RETURNED_2024 - RETURNED_2023);
        assertThat(change.get("percent").decimalValue()).isEqualByComparingTo("35.5");
    }

    @Test
    void the_years_run_without_gaps_and_the_first_has_no_change() {
        List<JsonNode> years = list(api.get("/stats/yearly").get("years"));

        assertThat(years).extracting(y -> y.get("year").asInt()).containsExactly(2022, 2023, 2024, 2025);
        assertThat(years.get(0).get("change").isNull()).isTrue();
    }

    // --- "it has been possible to return 1,279 soldiers out of approximately 2,500.
    //      Among them are 455 soldiers of the "Azov" regiment"

    @Test
    void of_about_2500_of_the_azovstal_garrison_1279_are_home() {
        JsonNode azovstal = api.get("/stats/cohorts/azovstal");

        assertThat(azovstal.get("size").asInt()).isEqualTo(SeedLedger.AZOVSTAL.size());
        assertThat(azovstal.get("sizeApproximate").asBoolean()).isTrue();
        assertThat(azovstal.get("recorded").asLong()).isEqualTo(AZOVSTAL_RETURNED);
        assertThat(azovstal.get("reported").get("value").asLong()).isEqualTo(AZOVSTAL_RETURNED);
        assertThat(azovstal.get("reported").get("asOf").asText()).isEqualTo("2025-05-29");
        assertThat(azovstal.get("shareReturned").decimalValue()).isEqualTo(
                BigDecimal.valueOf(AZOVSTAL_RETURNED).divide(BigDecimal.valueOf(2_500), 4, RoundingMode.HALF_UP));
        assertThat(azovstal.get("remaining").asLong()).isEqualTo(2_500 - AZOVSTAL_RETURNED);
    }

    @Test
    void of_the_azovstal_garrison_455_of_azov_are_home() {
        JsonNode azov = list(api.get("/stats/cohorts/azovstal").get("byUnit")).stream()
                .filter(unit -> unit.get("unit").asText().equals("azov")).findFirst().orElseThrow();

        assertThat(azov.get("recorded").asLong()).isEqualTo(AZOVSTAL_AZOV_RETURNED);
        assertThat(azov.get("reported").get("value").asLong()).isEqualTo(AZOVSTAL_AZOV_RETURNED);
    }

    @Test
    void the_azovstal_garrison_by_unit_adds_up_to_what_is_recorded_of_it() {
        JsonNode azovstal = api.get("/stats/cohorts/azovstal");
        Map<String, Long> byUnit = new HashMap<>();
        list(azovstal.get("byUnit")).forEach(u -> byUnit.put(u.get("unit").asText(), u.get("recorded").asLong()));

        // azov counts under the National Guard too: only units without a listed ancestor add up.
        long topLevel = byUnit.entrySet().stream().filter(e -> parentOf(e.getKey()) == null
                || !byUnit.containsKey(parentOf(e.getKey()))).mapToLong(Map.Entry::getValue).sum();
        assertThat(topLevel).isEqualTo(azovstal.get("recorded").asLong());
    }

    // --- "during the last exchange in the "1000 for 1000" format, representatives of 46 units were
    //      returned home, from which no one had been pulled out of captivity before"

    @Test
    void any_stage_of_1000_for_1000_names_its_46_first_time_units() {
        List<String> newcomers = SeedLedger.newcomers().stream().map(u -> u.id().value()).sorted().toList();
        for (String stage : THOUSAND_FOR_THOUSAND_STAGES) {
            JsonNode first = api.get("/exchanges/" + id(stage) + "/first-time-units");

            assertThat(first.get("count").asInt()).as(stage).isEqualTo(FIRST_TIME_UNITS_1000_FOR_1000);
            assertThat(first.get("exchange").asText()).as(stage).isEqualTo(id(THOUSAND_FOR_THOUSAND_STAGES.get(0)));
            assertThat(first.get("date").asText()).as(stage).isEqualTo("2025-05-23");
            assertThat(list(first.get("units"))).extracting(JsonNode::asText).as(stage)
                    .containsExactlyElementsOf(newcomers);
        }
    }

    @Test
    void first_returns_list_1000_for_1000_once_with_46_units() {
        List<JsonNode> items = items(api.get("/stats/first-returns"));
        List<String> stageIds = THOUSAND_FOR_THOUSAND_STAGES.stream().map(this::id).toList();

        assertThat(items).filteredOn(item -> stageIds.contains(item.get("exchange").asText()))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("exchange").asText()).isEqualTo(stageIds.get(0));
                    assertThat(item.get("count").asInt()).isEqualTo(FIRST_TIME_UNITS_1000_FOR_1000);
                });
    }

    @Test
    void the_1000_for_1000_stages_count_as_one_exchange_of_1000() {
        JsonNode may = api.get("/stats/summary?from=2025-05-23&to=2025-05-25");

        assertThat(may.get("exchanges").asInt()).isEqualTo(1);
        assertThat(may.get("peopleReturned").asInt()).isEqualTo(1_000);
        assertThat(may.get("peopleHandedOver").asInt()).isEqualTo(1_000);
        JsonNode largest = api.get("/stats/summary").get("largestExchange");
        assertThat(largest.get("id").asText()).isEqualTo(id(THOUSAND_FOR_THOUSAND_STAGES.get(0)));
        assertThat(largest.get("returned").asInt()).isEqualTo(1_000);
    }

    // --- "On December 30 ... Ukraine returns 189 of its citizens ... 87 servicemen of the Armed Forces
    //      of Ukraine (17 of them — TRO), 43 — NSU, 33 — [Border Guard], 24 — Navy."

    @Test
    void on_30_december_2024_189_came_home_2_of_them_unattributed_civilians() {
        JsonNode december30 = api.get("/exchanges/" + id(DECEMBER_30));

        assertThat(december30.get("date").asText()).isEqualTo("2024-12-30");
        assertThat(december30.get("returned").asInt()).isEqualTo(189);
        assertThat(december30.get("unattributed").asInt()).isEqualTo(189 - (87 + 43 + 33 + 24));
        assertThat(december30.get("civilians").asInt()).isEqualTo(2);
    }

    @Test
    void on_30_december_2024_the_units_are_as_the_seed_counts_them() {
        Map<String, JsonNode> units = byUnit(api.get("/stats/units?from=2024-12-30&to=2024-12-30"));

        assertThat(units.get("afu").get("returnedWithSubunits").asLong()).isEqualTo(87);
        assertThat(units.get("tro").get("returnedWithSubunits").asLong()).isEqualTo(17);
        assertThat(units.get("afu").get("returned").asLong()).isEqualTo(87 - 17);
        assertThat(units.get("nsu").get("returnedWithSubunits").asLong()).isEqualTo(43);
        assertThat(units.get("dpsu").get("returnedWithSubunits").asLong()).isEqualTo(33);
        assertThat(units.get("navy").get("returnedWithSubunits").asLong()).isEqualTo(24);
        JsonNode day = api.get("/stats/summary?from=2024-12-30&to=2024-12-30");
        assertThat(day.get("peopleReturned").asLong()).isEqualTo(189);
        assertThat(day.get("civiliansReturned").asLong()).isEqualTo(2);
    }

    // --- the published figures against the ledger

    @Test
    void every_seed_report_matches_the_ledger() {
        List<JsonNode> items = items(api.get("/stats/reconciliation"));

        assertThat(items).hasSize(SEED_REPORTS).allSatisfy(item -> {
                    assertThat(item.get("status").asText()).as(item.toString()).isEqualTo("match");
                    assertThat(item.get("difference").asLong()).isZero();
                    assertThat(item.get("recorded").asLong()).isEqualTo(item.get("reported").asLong());
                });
    }

    @Test
    void a_date_filter_lists_the_reports_of_its_window_and_invents_no_gap() {
        List<JsonNode> items = items(api.get("/stats/reconciliation?from=2024-01-01&to=2024-12-31"));

        assertThat(items).isNotEmpty().allSatisfy(item -> {
                    assertThat(item.get("status").asText()).as(item.toString()).isEqualTo("match");
                    assertThat(item.get("scope").path("year").asInt(2024)).as(item.toString()).isEqualTo(2024);
                });
        JsonNode azovstal = items.stream().filter(i -> "azovstal".equals(i.get("scope").path("cohort").asText())
                && !i.get("scope").has("unit")).findFirst().orElseThrow();
        assertThat(azovstal.get("reported").asLong()).isEqualTo(1_279);
        assertThat(azovstal.get("recorded").asLong()).isEqualTo(1_279);
    }

    @Test
    void a_report_the_ledger_falls_short_of_comes_first_and_one_it_exceeds_follows() {
        JsonNode above = api.post("/reports", report(2023, RETURNED_2023 - 2), 201);
        JsonNode below = api.post("/reports", report(2024, 1_400), 201);

        List<JsonNode> items = items(api.get("/stats/reconciliation"));

        JsonNode first = items.get(0);
        assertThat(first.get("report").asText()).isEqualTo(below.get("id").asText());
        assertThat(first.get("scope").get("year").asInt()).isEqualTo(2024);
        assertThat(first.get("reported").asLong()).isEqualTo(1_400);
        assertThat(first.get("recorded").asLong()).isEqualTo(RETURNED_2024);
        assertThat(first.get("difference").asLong()).isEqualTo(RETURNED_2024 - 1_400).isEqualTo(-42);
        assertThat(first.get("status").asText()).isEqualTo("ledgerBelow");
        JsonNode second = items.get(1);
        assertThat(second.get("report").asText()).isEqualTo(above.get("id").asText());
        assertThat(second.get("difference").asLong()).isEqualTo(2);
        assertThat(second.get("status").asText()).isEqualTo("ledgerAbove");
        assertThat(items.subList(2, items.size())).allSatisfy(
                item -> assertThat(item.get("status").asText()).isEqualTo("match"));
    }

    // --- the other views of the same figures agree

    @Test
    void the_summary_of_2024_and_of_all_time_agree_with_the_years() {
        JsonNode summary2024 = api.get("/stats/summary?" + YEAR_2024);
        assertThat(summary2024.get("exchanges").asLong()).isEqualTo(EXCHANGES_2024);
        assertThat(summary2024.get("peopleReturned").asLong()).isEqualTo(RETURNED_2024);

        List<JsonNode> years = list(api.get("/stats/yearly").get("years"));
        JsonNode summary = api.get("/stats/summary");
        for (String figure : List.of("exchanges", "repatriations", "peopleReturned", "peopleHandedOver",
                "civiliansReturned", "bodiesReturned")) {
            assertThat(summary.get(figure).asLong()).as(figure)
                    .isEqualTo(years.stream().mapToLong(y -> y.get(figure).asLong()).sum());
        }
        assertThat(summary.get("firstExchangeOn").asText()).isEqualTo(first(SeedLedger.exchanges()));
    }

    @Test
    void the_yearly_periods_are_the_years() {
        List<JsonNode> points = list(api.get("/stats/periods?interval=year").get("points"));
        List<JsonNode> years = list(api.get("/stats/yearly").get("years"));

        assertThat(points).hasSameSizeAs(years);
        for (int i = 0; i < years.size(); i++) {
            JsonNode year = years.get(i);
            JsonNode point = points.get(i);
            assertThat(point.get("period").asText()).isEqualTo(year.get("year").asText());
            assertThat(point.get("exchanges").asLong()).isEqualTo(year.get("exchanges").asLong());
            assertThat(point.get("peopleReturned").asLong()).isEqualTo(year.get("peopleReturned").asLong());
            assertThat(point.get("bodiesReturned").asLong()).isEqualTo(year.get("bodiesReturned").asLong());
        }
        JsonNode point2024 = points.stream().filter(p -> p.get("period").asText().equals("2024")).findFirst()
                .orElseThrow();
        assertThat(point2024.get("exchanges").asLong()).isEqualTo(EXCHANGES_2024);
        assertThat(point2024.get("peopleReturned").asLong()).isEqualTo(RETURNED_2024);
    }

    @Test
    void the_years_as_csv_have_the_contract_header_and_the_2024_row() {
        SeedHttp.Answer csv = api.getText("/stats/yearly?format=csv");

        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("year,exchanges,repatriations,peopleReturned,peopleHandedOver,"
                + "civiliansReturned,bodiesReturned,change.peopleReturned,change.percent");
        Map<String, String> row2024 = row(lines.get(0), lines.stream().filter(l -> l.startsWith("2024,"))
                .findFirst().orElseThrow());
        assertThat(row2024).containsEntry("exchanges", String.valueOf(EXCHANGES_2024))
                .containsEntry("peopleReturned", String.valueOf(RETURNED_2024))
                .containsEntry("change.peopleReturned", "356")
                .containsEntry("change.percent", "35.5");
    }

    // --- statistics follow every write at once

    @Test
    void a_deleted_2024_exchange_leaves_the_2024_figures_at_once() {
        String id = id("2024-02-08");
        long returned = api.get("/exchanges/" + id).get("returned").asLong();

        api.delete("/exchanges/" + id);

        JsonNode year2024 = year(api.get("/stats/yearly"), 2024);
        assertThat(year2024.get("exchanges").asLong()).isEqualTo(EXCHANGES_2024 - 1);
        assertThat(year2024.get("peopleReturned").asLong()).isEqualTo(RETURNED_2024 - returned);
        assertThat(year2024.get("change").get("peopleReturned").asLong())
                .isEqualTo(RETURNED_2024 - returned - RETURNED_2023);
        JsonNode report2024 = items(api.get("/stats/reconciliation")).stream()
                .filter(item -> item.get("scope").path("year").asInt() == 2024
                        && item.get("metric").asText().equals("peopleReturned")).findFirst().orElseThrow();
        assertThat(report2024.get("difference").asLong()).isEqualTo(-returned);
        assertThat(report2024.get("status").asText()).isEqualTo("ledgerBelow");
    }

    @Test
    void a_replaced_2024_exchange_changes_the_2024_figures_at_once() {
        String id = id("2024-11-20");
        JsonNode stored = api.get("/exchanges/" + id);
        ObjectNode changed = body(stored).put("returned", stored.get("returned").asInt() + 40);

        api.replace("/exchanges/" + id, changed, stored.get("version").asLong());

        JsonNode year2024 = year(api.get("/stats/yearly"), 2024);
        assertThat(year2024.get("exchanges").asLong()).isEqualTo(EXCHANGES_2024);
        assertThat(year2024.get("peopleReturned").asLong()).isEqualTo(RETURNED_2024 + 40);
        assertThat(api.get("/stats/summary?" + YEAR_2024).get("peopleReturned").asLong())
                .isEqualTo(RETURNED_2024 + 40);
    }

    @Test
    void an_exchange_moved_to_2023_leaves_2024_for_2023_at_once() {
        String id = id("2024-11-20");
        JsonNode stored = api.get("/exchanges/" + id);
        long returned = stored.get("returned").asLong();

        api.replace("/exchanges/" + id, body(stored).put("date", "2023-11-20"), stored.get("version").asLong());

        JsonNode years = api.get("/stats/yearly");
        assertThat(year(years, 2023).get("peopleReturned").asLong()).isEqualTo(RETURNED_2023 + returned);
        assertThat(year(years, 2024).get("exchanges").asLong()).isEqualTo(EXCHANGES_2024 - 1);
        assertThat(year(years, 2024).get("change").get("peopleReturned").asLong())
                .isEqualTo(RETURNED_2024 - RETURNED_2023 - 2 * returned);
    }

    // --- helpers

    protected String id(String ref) {
        assertThat(ids).as("an exchange recorded with ref %s", ref).containsKey(ref);
        return ids.get(ref);
    }

    private Map<String, String> exchangeIdsByRef() {
        Map<String, String> byRef = new LinkedHashMap<>();
        items(api.get("/exchanges?limit=500")).forEach(e -> byRef.put(e.get("ref").asText(), e.get("id").asText()));
        return byRef;
    }

    /** What a client sends back to replace a record: the record as read, without its read-only fields. */
    private static ObjectNode body(JsonNode stored) {
        ObjectNode body = stored.deepCopy();
        body.remove(List.of("id", "unattributed", "version", "createdAt", "updatedAt"));
        return body;
    }

    private static ObjectNode report(int year, long peopleReturned) {
        ObjectNode report = SeedJson.JSON.createObjectNode();
        report.putObject("scope").put("year", year);
        return report.put("metric", "peopleReturned").put("value", peopleReturned).put("asOf", "2025-01-03");
    }

    private static JsonNode year(JsonNode yearly, int year) {
        return list(yearly.get("years")).stream().filter(y -> y.get("year").asInt() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no year " + year + " in " + yearly));
    }

    private static Map<String, JsonNode> byUnit(JsonNode units) {
        Map<String, JsonNode> byUnit = new HashMap<>();
        items(units).forEach(u -> byUnit.put(u.get("unit").asText(), u));
        return byUnit;
    }

    private static String parentOf(String unit) {
        return SeedLedger.units().stream().filter(u -> u.id().value().equals(unit)).findFirst()
                .flatMap(Unit::parentId).map(p -> p.value()).orElse(null);
    }

    private static String first(List<Exchange> exchanges) {
        return exchanges.stream().map(Exchange::date).min(Comparator.naturalOrder()).orElseThrow().toString();
    }

    private static Map<String, String> row(String header, String line) {
        String[] names = header.split(",", -1);
        String[] cells = line.split(",", -1);
        assertThat(cells).as(line).hasSameSizeAs(names);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            row.put(names[i], cells[i]);
        }
        return row;
    }

    protected static List<JsonNode> items(JsonNode list) {
        return list(list.get("items"));
    }

    protected static List<JsonNode> list(JsonNode array) {
        assertThat(array).as("a JSON array").isNotNull();
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}

package org.powledger.web.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.CohortUnitFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.LargestExchange;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.ReconciliationStatus;
import org.powledger.domain.statistics.ReportedFigure;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.YearChange;
import org.powledger.domain.statistics.YearFigures;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

/** The statistics over real HTTP, with the statistics port mocked: shapes, CSV, parameters, access. */
class StatisticsRoutesTest extends ApiTest {

    static final LocalDate DEC_30 = LocalDate.of(2024, 12, 30);
    static final ExchangeId EX_1 = ExchangeId.of("ex_first");
    static final ExchangeId EX_2 = ExchangeId.of("ex_second");

    static final Summary SUMMARY = new Summary(60, 3, 3767, 3400, 25, 757, LocalDate.of(2022, 4, 1), DEC_30,
            new LargestExchange(EX_2, DEC_30, 189));
    static final List<YearFigures> YEARS = List.of(
            new YearFigures(2022, 20, 1, 1002, 900, 10, 200, null),
            new YearFigures(2023, 0, 0, 0, 0, 0, 0, new YearChange(-1002, new BigDecimal("-100.0"))),
            new YearFigures(2024, 40, 2, 2765, 2500, 15, 557, new YearChange(2765, null)));
    static final CohortFigures AZOVSTAL = new CohortFigures(CohortId.of("azovstal"), "Azovstal garrison", 2500, true,
            1200, new ReportedFigure(1279, LocalDate.of(2024, 12, 31), ReportId.of("rp_cohort")),
            new BigDecimal("0.5116"), 1221L, List.of(
                    new CohortUnitFigures(UnitId.of("azov"), 900, new ReportedFigure(950, LocalDate.of(2024, 12, 31),
                            ReportId.of("rp_azov"))),
                    new CohortUnitFigures(UnitId.of("nsu"), 300, null)));
    static final List<FirstReturn> FIRST_RETURNS = List.of(
            new FirstReturn(EX_1, LocalDate.of(2022, 4, 1), List.of(UnitId.of("afu"), UnitId.of("azov")), 2),
            new FirstReturn(EX_2, DEC_30, List.of(), 0));
    static final List<ReconciliationItem> RECONCILIATION = List.of(
            new ReconciliationItem(ReportId.of("rp_year"), ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 1358,
                    1200, -158, ReconciliationStatus.LEDGER_BELOW),
            new ReconciliationItem(ReportId.of("rp_azov"), ReportScope.ofCohortUnit(CohortId.of("azovstal"),
                    UnitId.of("azov")), Metric.PEOPLE_RETURNED, 900, 950, 50, ReconciliationStatus.LEDGER_ABOVE),
            new ReconciliationItem(ReportId.of("rp_all"), ReportScope.allTime(), Metric.EXCHANGES, 60, 60, 0,
                    ReconciliationStatus.MATCH));

    /** Every statistics path that takes a window, with an answer from the mocked port. */
    static final String[] WINDOWED = {"/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation"};

    private boolean readTokenRequired;

    @Override
    protected WebSettings settings() {
        return new WebSettings(readTokenRequired, "1.2.3");
    }

    @BeforeEach
    void answers() {
        when(statistics.summary(any(), any())).thenReturn(SUMMARY);
        when(statistics.yearly(any(), any())).thenReturn(YEARS);
        when(statistics.periods(any(), any(), anyString(), anyBoolean())).thenReturn(List.of(
                new PeriodPoint("2024-11", 0, 0, 0), new PeriodPoint("2024-12", 2, 339, 757)));
        when(statistics.units(any(), any())).thenReturn(List.of(
                new UnitFigures(UnitId.of("afu"), "Armed Forces", null, 70, 87, 2, LocalDate.of(2022, 4, 1), DEC_30),
                new UnitFigures(UnitId.of("navy"), "Navy", null, 0, 0, 0, null, null)));
        doThrow(new NotFound("cohort", "x")).when(statistics).cohort(any(), any(), any());
        doReturn(AZOVSTAL).when(statistics).cohort(eq("azovstal"), any(), any());
        when(statistics.firstReturns(any(), any())).thenReturn(FIRST_RETURNS);
        doAnswer(invocation -> {
            Consumer<FirstReturn> each = invocation.getArgument(2);
            FIRST_RETURNS.forEach(each);
            return null;
        }).when(statistics).eachFirstReturn(any(), any(), any());
        when(statistics.firstReturns(any(), any(), any(PageRequest.class)))
                .thenReturn(new Page<>(List.of(FIRST_RETURNS.get(0)), "next-page"));
        doThrow(new NotFound("exchange", "x")).when(statistics).firstTimeUnits(any());
        doReturn(FIRST_RETURNS.get(0)).when(statistics).firstTimeUnits(EX_1.value());
        when(statistics.reconciliation(any(), any())).thenReturn(RECONCILIATION);
    }

    // --- summary

    @Test
    void summary_lists_the_figures_in_contract_order_with_the_largest_exchange_nested() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/summary").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.body()).isEqualTo("{\"exchanges\":60,\"repatriations\":3,\"peopleReturned\":3767,"
                    + "\"peopleHandedOver\":3400,\"civiliansReturned\":25,\"bodiesReturned\":757,"
                    + "\"firstExchangeOn\":\"2022-04-01\",\"lastExchangeOn\":\"2024-12-30\","
                    + "\"largestExchange\":{\"id\":\"ex_second\",\"date\":\"2024-12-30\",\"returned\":189}}");
        });
        verify(statistics).summary(null, null);
    }

    @Test
    void summary_of_an_empty_window_has_null_dates_and_no_largest_exchange() {
        when(statistics.summary(any(), any())).thenReturn(new Summary(0, 0, 0, 0, 0, 0, null, null, null));
        api(client -> {
            JsonNode json = client.get("/api/v1/stats/summary").send().json();

            assertThat(json.get("firstExchangeOn").isNull()).isTrue();
            assertThat(json.get("lastExchangeOn").isNull()).isTrue();
            assertThat(json.get("largestExchange").isNull()).isTrue();
        });
    }

    @Test
    void summary_as_csv_is_one_row_with_the_largest_exchange_flattened() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/summary?format=csv").send();

            assertThat(reply.contentType()).startsWith("text/csv");
            assertThat(reply.body()).isEqualTo("exchanges,repatriations,peopleReturned,peopleHandedOver,"
                    + "civiliansReturned,bodiesReturned,firstExchangeOn,lastExchangeOn,largestExchange.id,"
                    + "largestExchange.date,largestExchange.returned\r\n"
                    + "60,3,3767,3400,25,757,2022-04-01,2024-12-30,ex_second,2024-12-30,189\r\n");
        });
    }

    @Test
    void summary_as_csv_without_a_largest_exchange_leaves_its_cells_empty() {
        when(statistics.summary(any(), any())).thenReturn(new Summary(0, 0, 0, 0, 0, 0, null, null, null));
        api(client -> assertThat(client.get("/api/v1/stats/summary?format=csv").send().body().split("\r\n")[1])
                .isEqualTo("0,0,0,0,0,0,,,,,"));
    }

    // --- yearly

    @Test
    void yearly_lists_years_under_years_with_change_null_for_the_first_and_percent_null_after_a_zero_year() {
        api(client -> {
            JsonNode json = client.get("/api/v1/stats/yearly").send().json();

            assertThat(json.fieldNames()).toIterable().containsExactly("years");
            JsonNode years = json.get("years");
            assertThat(years).hasSize(3);
            assertThat(years.get(0).fieldNames()).toIterable().containsExactly("year", "exchanges", "repatriations",
                    "peopleReturned", "peopleHandedOver", "civiliansReturned", "bodiesReturned", "change");
            assertThat(years.get(0).get("change").isNull()).isTrue();
            assertThat(years.get(1).get("change").toString()).isEqualTo("{\"peopleReturned\":-1002,\"percent\":-100.0}");
            assertThat(years.get(2).get("change").toString()).isEqualTo("{\"peopleReturned\":2765,\"percent\":null}");
        });
    }

    @Test
    void percent_is_written_as_a_plain_number_in_json_and_csv() {
        when(statistics.yearly(any(), any())).thenReturn(List.of(
                new YearFigures(2023, 30, 0, 1002, 0, 0, 0, new YearChange(668, new BigDecimal("2E+2"))),
                new YearFigures(2024, 40, 2, 1358, 0, 0, 0, new YearChange(356, new BigDecimal("35.5")))));
        api(client -> {
            String json = client.get("/api/v1/stats/yearly").send().body();
            assertThat(json).contains("\"change\":{\"peopleReturned\":668,\"percent\":200}")
                    .contains("\"change\":{\"peopleReturned\":356,\"percent\":35.5}");
            assertThat(client.get("/api/v1/stats/yearly?format=csv").send().body())
                    .contains(",668,200\r\n").endsWith(",356,35.5\r\n");
        });
    }

    @Test
    void yearly_as_csv_has_one_row_per_year_with_the_change_flattened() {
        api(client -> assertThat(client.get("/api/v1/stats/yearly?format=csv").send().body()).isEqualTo(
                "year,exchanges,repatriations,peopleReturned,peopleHandedOver,civiliansReturned,bodiesReturned,"
                        + "change.peopleReturned,change.percent\r\n"
                        + "2022,20,1,1002,900,10,200,,\r\n"
                        + "2023,0,0,0,0,0,0,-1002,-100.0\r\n"
                        + "2024,40,2,2765,2500,15,557,2765,\r\n"));
    }

    // --- periods

    @Test
    void periods_are_monthly_and_not_cumulative_by_default_and_listed_under_points() {
        api(client -> assertThat(client.get("/api/v1/stats/periods").send().body()).isEqualTo(
                "{\"points\":[{\"period\":\"2024-11\",\"exchanges\":0,\"peopleReturned\":0,\"bodiesReturned\":0},"
                        + "{\"period\":\"2024-12\",\"exchanges\":2,\"peopleReturned\":339,\"bodiesReturned\":757}]}"));
        verify(statistics).periods(null, null, "month", false);
    }

    @Test
    void periods_take_the_interval_the_cumulative_flag_and_the_window() {
        api(client -> assertThat(client.get("/api/v1/stats/periods?interval=quarter&cumulative=true"
                + "&from=2024-01-01&to=2024-12-31").send().status()).isEqualTo(200));
        verify(statistics).periods(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "quarter", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"week", "Month", ""})
    void an_unknown_interval_is_400_naming_interval(String interval) {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/periods?interval=" + interval).send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("interval");
        });
        verifyNoInteractions(statistics);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "TRUE", ""})
    void cumulative_other_than_true_or_false_is_400_naming_cumulative(String cumulative) {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/periods?cumulative=" + cumulative).send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("cumulative");
        });
        verifyNoInteractions(statistics);
    }

    @Test
    void periods_as_csv_have_one_row_per_period() {
        api(client -> assertThat(client.get("/api/v1/stats/periods?format=csv").send().body()).isEqualTo(
                "period,exchanges,peopleReturned,bodiesReturned\r\n2024-11,0,0,0\r\n2024-12,2,339,757\r\n"));
    }

    // --- units

    @Test
    void units_are_items_in_contract_order_with_nulls_for_a_unit_without_returns() {
        api(client -> {
            JsonNode json = client.get("/api/v1/stats/units").send().json();

            assertThat(json.fieldNames()).toIterable().containsExactly("items");
            assertThat(json.at("/items/0").toString()).isEqualTo("{\"unit\":\"afu\",\"name\":\"Armed Forces\","
                    + "\"parent\":null,\"returned\":70,\"returnedWithSubunits\":87,\"exchanges\":2,"
                    + "\"firstReturnedOn\":\"2022-04-01\",\"lastReturnedOn\":\"2024-12-30\"}");
            assertThat(json.at("/items/1/firstReturnedOn").isNull()).isTrue();
        });
    }

    @Test
    void units_as_csv_have_one_row_per_unit() {
        api(client -> assertThat(client.get("/api/v1/stats/units?format=csv").send().body()).isEqualTo(
                "unit,name,parent,returned,returnedWithSubunits,exchanges,firstReturnedOn,lastReturnedOn\r\n"
                        + "afu,Armed Forces,,70,87,2,2022-04-01,2024-12-30\r\n"
                        + "navy,Navy,,0,0,0,,\r\n"));
    }

    // --- cohorts

    @Test
    void a_cohort_shows_its_figures_the_latest_report_and_its_units() {
        api(client -> assertThat(client.get("/api/v1/stats/cohorts/azovstal").send().body()).isEqualTo(
                "{\"cohort\":\"azovstal\",\"name\":\"Azovstal garrison\",\"size\":2500,\"sizeApproximate\":true,"
                        + "\"recorded\":1200,\"reported\":{\"value\":1279,\"asOf\":\"2024-12-31\","
                        + "\"reportId\":\"rp_cohort\"},\"shareReturned\":0.5116,\"remaining\":1221,\"byUnit\":["
                        + "{\"unit\":\"azov\",\"recorded\":900,\"reported\":{\"value\":950,\"asOf\":\"2024-12-31\","
                        + "\"reportId\":\"rp_azov\"}},{\"unit\":\"nsu\",\"recorded\":300,\"reported\":null}]}"));
        verify(statistics).cohort("azovstal", null, null);
    }

    @Test
    void a_cohort_of_unknown_size_without_reports_has_nulls() {
        doReturn(new CohortFigures(CohortId.of("mariupol"), "Mariupol", null, false, 0, null, null, null, List.of()))
                .when(statistics).cohort(eq("mariupol"), any(), any());
        api(client -> {
            JsonNode json = client.get("/api/v1/stats/cohorts/mariupol").send().json();

            assertThat(json.get("size").isNull()).isTrue();
            assertThat(json.get("reported").isNull()).isTrue();
            assertThat(json.get("shareReturned").isNull()).isTrue();
            assertThat(json.get("remaining").isNull()).isTrue();
            assertThat(json.get("byUnit").isEmpty()).isTrue();
        });
    }

    @Test
    void a_cohort_as_csv_is_one_row_with_its_units_joined_by_semicolons() {
        api(client -> assertThat(client.get("/api/v1/stats/cohorts/azovstal?format=csv").send().body()).isEqualTo(
                "cohort,name,size,sizeApproximate,recorded,reported.value,reported.asOf,reported.reportId,"
                        + "shareReturned,remaining,byUnit.unit,byUnit.recorded,byUnit.reported.value,"
                        + "byUnit.reported.asOf,byUnit.reported.reportId\r\n"
                        + "azovstal,Azovstal garrison,2500,true,1200,1279,2024-12-31,rp_cohort,0.5116,1221,"
                        + "azov;nsu,900;300,950;,2024-12-31;,rp_azov;\r\n"));
    }

    @Test
    void an_unknown_cohort_is_404() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/cohorts/nowhere").send();

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        });
    }

    // --- first returns

    @Test
    void first_returns_list_each_exchange_with_its_first_time_units() {
        api(client -> assertThat(client.get("/api/v1/stats/first-returns").send().body()).isEqualTo(
                "{\"items\":[{\"exchange\":\"ex_first\",\"date\":\"2022-04-01\",\"units\":[\"afu\",\"azov\"],"
                        + "\"count\":2},{\"exchange\":\"ex_second\",\"date\":\"2024-12-30\",\"units\":[],"
                        + "\"count\":0}]}"));
    }

    @Test
    void first_returns_as_csv_join_the_units_with_semicolons() {
        api(client -> assertThat(client.get("/api/v1/stats/first-returns?format=csv").send().body()).isEqualTo(
                "exchange,date,units,count\r\nex_first,2022-04-01,afu;azov,2\r\nex_second,2024-12-30,,0\r\n"));
    }

    @Test
    void first_returns_with_a_limit_are_one_page_with_a_link_to_the_next() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/first-returns?limit=1&from=2022-01-01").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"items\":[{\"exchange\":\"ex_first\",\"date\":\"2022-04-01\","
                    + "\"units\":[\"afu\",\"azov\"],\"count\":2}],\"nextCursor\":\"next-page\"}");
            assertThat(reply.header("Link"))
                    .isEqualTo("</api/v1/stats/first-returns?limit=1&from=2022-01-01&cursor=next-page>; rel=\"next\"");
        });
        verify(statistics).firstReturns(LocalDate.of(2022, 1, 1), null, new PageRequest(1, null));
    }

    @Test
    void first_returns_with_a_cursor_ask_for_the_page_after_it() {
        api(client -> assertThat(client.get("/api/v1/stats/first-returns?cursor=abc").send().status()).isEqualTo(200));
        verify(statistics).firstReturns(null, null, new PageRequest(PageRequest.DEFAULT_LIMIT, "abc"));
    }

    @Test
    void first_returns_with_a_limit_out_of_range_are_400_naming_limit() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/first-returns?limit=0").send();
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("limit");
        });
    }

    @Test
    void first_time_units_of_an_exchange_is_the_first_returns_item() {
        api(client -> {
            assertThat(client.get("/api/v1/exchanges/ex_first/first-time-units").send().body()).isEqualTo(
                    "{\"exchange\":\"ex_first\",\"date\":\"2022-04-01\",\"units\":[\"afu\",\"azov\"],\"count\":2}");
            assertThat(client.get("/api/v1/exchanges/ex_first/first-time-units?format=csv").send().body())
                    .isEqualTo("exchange,date,units,count\r\nex_first,2022-04-01,afu;azov,2\r\n");
        });
    }

    @Test
    void first_time_units_of_an_unknown_exchange_is_404() {
        api(client -> assertThat(client.get("/api/v1/exchanges/ex_nowhere/first-time-units").send().status())
                .isEqualTo(404));
    }

    @Test
    void first_time_units_accept_a_window_like_every_statistic_but_look_back_over_the_whole_ledger() {
        when(statistics.firstTimeUnits("ex_first")).thenReturn(new FirstReturn(ExchangeId.of("ex_first"),
                java.time.LocalDate.of(2025, 5, 23), java.util.List.of(), 0));
        api(client -> {
            assertThat(client.get("/api/v1/exchanges/ex_first/first-time-units?from=2024-01-01").send().status())
                    .isEqualTo(200);
            Reply bad = client.get("/api/v1/exchanges/ex_first/first-time-units?from=2024-13-01").send();
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().at("/errors/0/parameter").asText()).isEqualTo("from");
        });
        verify(statistics).firstTimeUnits("ex_first");
    }

    // --- reconciliation

    @Test
    void reconciliation_items_show_scope_as_an_object_of_what_it_names() {
        api(client -> {
            JsonNode items = client.get("/api/v1/stats/reconciliation").send().json().get("items");

            assertThat(items.get(0).toString()).isEqualTo("{\"report\":\"rp_year\",\"scope\":{\"year\":2024},"
                    + "\"metric\":\"peopleReturned\",\"reported\":1358,\"recorded\":1200,\"difference\":-158,"
                    + "\"status\":\"ledgerBelow\"}");
            assertThat(items.get(1).get("scope").toString()).isEqualTo("{\"cohort\":\"azovstal\",\"unit\":\"azov\"}");
            assertThat(items.get(1).get("status").asText()).isEqualTo("ledgerAbove");
            assertThat(items.get(2).get("scope").toString()).isEqualTo("{}");
            assertThat(items.get(2).get("metric").asText()).isEqualTo("exchanges");
            assertThat(items.get(2).get("status").asText()).isEqualTo("match");
        });
    }

    @Test
    void reconciliation_as_csv_flattens_the_scope() {
        api(client -> assertThat(client.get("/api/v1/stats/reconciliation?format=csv").send().body()).isEqualTo(
                "report,scope.year,scope.cohort,scope.unit,scope.exchange,metric,reported,recorded,difference,status"
                        + "\r\nrp_year,2024,,,,peopleReturned,1358,1200,-158,ledgerBelow"
                        + "\r\nrp_azov,,azovstal,azov,,peopleReturned,900,950,50,ledgerAbove"
                        + "\r\nrp_all,,,,,exchanges,60,60,0,match\r\n"));
    }

    // --- every endpoint: window, format, parameters, access

    @Test
    void the_window_is_passed_to_the_statistics() {
        api(client -> {
            client.get("/api/v1/stats/summary?from=2024-01-01&to=2024-12-31").send();
            client.get("/api/v1/stats/cohorts/azovstal?to=2023-12-31").send();
        });
        verify(statistics).summary(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        verify(statistics).cohort("azovstal", null, LocalDate.of(2023, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation"})
    void a_from_that_is_not_a_date_is_400_naming_from(String path) {
        api(client -> {
            Reply reply = client.get(path + "?from=2024-13-01").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("from");
        });
        verifyNoInteractions(statistics);
    }

    @Test
    void from_after_to_is_400_naming_from() {
        doThrow(new InvalidQuery("from", "must not be after to")).when(statistics).yearly(any(), any());
        api(client -> {
            Reply reply = client.get("/api/v1/stats/yearly?from=2025-01-01&to=2024-01-01").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("from");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation", "/api/v1/exchanges/ex_first/first-time-units"})
    void an_unknown_parameter_is_400_naming_it(String path) {
        api(client -> {
            Reply reply = client.get(path + "?form=2024-01-01").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("form");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation", "/api/v1/exchanges/ex_first/first-time-units"})
    void every_statistic_answers_csv_when_accept_asks_for_it(String path) {
        api(client -> {
            Reply csv = client.get(path).header("Accept", "text/csv").send();
            Reply json = client.get(path).send();

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
            assertThat(csv.header("Vary")).isEqualTo("Accept");
            assertThat(csv.body()).contains("\r\n").doesNotStartWith("{");
            assertThat(json.contentType()).startsWith("application/json");
        });
    }

    @Test
    void an_unknown_format_is_400_naming_format() {
        api(client -> {
            Reply reply = client.get("/api/v1/stats/summary?format=xml").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("format");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods",
            "/api/v1/stats/units", "/api/v1/stats/cohorts/azovstal", "/api/v1/stats/first-returns",
            "/api/v1/stats/reconciliation", "/api/v1/exchanges/ex_first/first-time-units"})
    void statistics_need_a_read_token_when_the_server_requires_one(String path) {
        readTokenRequired = true;
        api(client -> {
            Reply anonymous = client.get(path).send();
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(client.get(path).token("reader").send().status()).isEqualTo(200);
        });
    }

    @Test
    void statistics_are_open_by_default_but_a_token_sent_must_be_valid() {
        api(client -> {
            assertThat(client.get("/api/v1/stats/summary").send().status()).isEqualTo(200);
            assertThat(client.get("/api/v1/stats/summary").token("forged").send().status()).isEqualTo(401);
        });
    }
}

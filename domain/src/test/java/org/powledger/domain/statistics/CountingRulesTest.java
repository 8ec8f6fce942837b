package org.powledger.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.powledger.domain.fixtures.LedgerFixtures.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.SnapshotBuilder;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;

/** The counting rules of API.md ("Statistics"), one behaviour per test. */
class CountingRulesTest {

    private static LedgerStatistics statisticsOf(SnapshotBuilder ledger) {
        return new LedgerStatistics(ledger.snapshot());
    }

    private static Window year(int year) {
        return Window.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static ExchangeId id(String value) {
        return ExchangeId.of(value);
    }

    private static SnapshotBuilder units() {
        return new SnapshotBuilder().unit("afu", null).unit("tro", "afu").unit("tro-1", "tro").unit("nsu", null);
    }

    @Nested
    class Exchanges {

        @Test
        void stages_of_one_operation_count_as_one_exchange() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2024-05-01").operation("op").returned(100).handedOver(90).civilians(3))
                    .record("b", exchange().date("2024-05-02").operation("op").returned(50).handedOver(60).civilians(1))
                    .record("c", exchange().date("2024-05-03").returned(7)));

            Summary summary = statistics.summary(Window.ALL);

            assertThat(summary.exchanges()).isEqualTo(2);
            assertThat(summary.peopleReturned()).isEqualTo(157);
            assertThat(summary.peopleHandedOver()).isEqualTo(150);
            assertThat(summary.civiliansReturned()).isEqualTo(4);
            assertThat(summary.largestExchange()).isEqualTo(new LargestExchange(id("a"), LocalDate.of(2024, 5, 1), 150));
        }

        @Test
        void operation_is_dated_by_its_earliest_stage() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("late", exchange().date("2025-01-02").operation("op").returned(40))
                    .record("early", exchange().date("2024-12-31").operation("op").returned(60)));

            assertThat(statistics.summary(year(2024)).peopleReturned()).isEqualTo(100);
            assertThat(statistics.summary(year(2025)).exchanges()).isZero();
            assertThat(statistics.yearly(Window.ALL)).extracting(YearFigures::year).containsExactly(2024);
            assertThat(statistics.summary(Window.ALL).largestExchange().id()).isEqualTo(id("early"));
        }

        @Test
        void stages_share_an_operation_only_within_one_kind() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("p", exchange().date("2024-05-01").operation("op").returned(10))
                    .record("b", exchange().date("2024-05-01").operation("op").bodies().returned(20)));

            Summary summary = statistics.summary(Window.ALL);

            assertThat(summary.exchanges()).isEqualTo(1);
            assertThat(summary.repatriations()).isEqualTo(1);
        }

        @Test
        void bodies_count_apart_as_repatriations() {
            var statistics = statisticsOf(units()
                    .record("p", exchange().date("2024-05-01").returned(10).line("afu", 10))
                    .record("b1", exchange().date("2024-06-01").bodies().operation("r").returned(200).line("afu", 5))
                    .record("b2", exchange().date("2024-06-02").bodies().operation("r").returned(300)));

            Summary summary = statistics.summary(Window.ALL);

            assertThat(summary.exchanges()).isEqualTo(1);
            assertThat(summary.repatriations()).isEqualTo(1);
            assertThat(summary.peopleReturned()).isEqualTo(10);
            assertThat(summary.bodiesReturned()).isEqualTo(500);
            assertThat(summary.largestExchange().id()).isEqualTo(id("p"));
            assertThat(summary.lastExchangeOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        }

        @Test
        void deleted_records_count_nowhere() {
            var statistics = statisticsOf(units().cohort("c", 100, false)
                    .record("kept", exchange().date("2024-05-01").returned(10).line("afu", 10))
                    .record("gone", exchange().date("2023-05-01").returned(99).line("tro", "c", 99))
                    .delete("gone"));

            assertThat(statistics.summary(Window.ALL).peopleReturned()).isEqualTo(10);
            assertThat(statistics.yearly(Window.ALL)).extracting(YearFigures::year).containsExactly(2024);
            assertThat(statistics.cohort(CohortId.of("c"), Window.ALL).recorded()).isZero();
            assertThat(statistics.firstReturns(Window.ALL)).singleElement()
                    .satisfies(f -> assertThat(f.units()).containsExactly(UnitId.of("afu")));
            assertThatThrownBy(() -> statistics.firstTimeUnits(id("gone"))).isInstanceOf(NotFound.class);
        }

        @Test
        void window_chooses_exchanges_by_date_inclusive() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2024-01-01").returned(1))
                    .record("b", exchange().date("2024-01-31").returned(2))
                    .record("c", exchange().date("2024-02-01").returned(4)));

            Window january = Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));

            assertThat(statistics.summary(january).peopleReturned()).isEqualTo(3);
            assertThat(statistics.summary(Window.of(LocalDate.of(2024, 1, 31), null)).peopleReturned()).isEqualTo(6);
        }

        @Test
        void from_after_to_is_an_invalid_query_naming_from() {
            assertThatThrownBy(() -> Window.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
                    .isInstanceOfSatisfying(InvalidQuery.class,
                            e -> assertThat(e.violations().get(0).parameter()).isEqualTo("from"));
        }

        @Test
        void empty_ledger_has_zeros_and_no_dates() {
            var statistics = new LedgerStatistics(LedgerSnapshot.EMPTY);

            assertThat(statistics.summary(Window.ALL)).isEqualTo(new Summary(0, 0, 0, 0, 0, 0, null, null, null));
            assertThat(statistics.yearly(Window.ALL)).isEmpty();
            assertThat(statistics.periods(Window.ALL, Interval.MONTH, true)).isEmpty();
        }
    }

    @Nested
    class Series {

        @Test
        void yearly_lists_empty_years_as_zeros() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2022-03-01").returned(10))
                    .record("b", exchange().date("2024-03-01").returned(30)));

            assertThat(statistics.yearly(Window.ALL)).containsExactly(
                    new YearFigures(2022, 1, 0, 10, 0, 0, 0, null),
                    new YearFigures(2023, 0, 0, 0, 0, 0, 0, new YearChange(-10, new BigDecimal("-100.0"))),
                    new YearFigures(2024, 1, 0, 30, 0, 0, 0, new YearChange(30, null)));
        }

        @Test
        void percent_is_null_when_previous_year_is_zero() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2023-03-01").bodies().returned(10))
                    .record("b", exchange().date("2024-03-01").returned(30)));

            assertThat(statistics.yearly(Window.ALL).get(1).change()).isEqualTo(new YearChange(30, null));
        }

        @Test
        void percent_is_rounded_to_one_decimal() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2023-03-01").returned(1002))
                    .record("b", exchange().date("2024-03-01").returned(1358))
                    .record("c", exchange().date("2025-03-01").returned(1000)));

            List<YearFigures> years = statistics.yearly(Window.ALL);

            assertThat(years.get(1).change().percent()).isEqualByComparingTo("35.5");
            assertThat(years.get(2).change()).isEqualTo(new YearChange(-358, new BigDecimal("-26.4")));
        }

        @Test
        void change_is_null_for_the_first_year_of_the_window() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2023-03-01").returned(10))
                    .record("b", exchange().date("2024-03-01").returned(30)));

            assertThat(statistics.yearly(year(2024))).containsExactly(new YearFigures(2024, 1, 0, 30, 0, 0, 0, null));
        }

        @Test
        void periods_list_every_period_from_first_to_last_with_zeros() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2024-11-30").returned(10))
                    .record("b", exchange().date("2025-02-01").bodies().returned(5))
                    .record("c", exchange().date("2025-02-10").returned(3)));

            assertThat(statistics.periods(Window.ALL, Interval.MONTH, false)).containsExactly(
                    new PeriodPoint("2024-11", 1, 10, 0),
                    new PeriodPoint("2024-12", 0, 0, 0),
                    new PeriodPoint("2025-01", 0, 0, 0),
                    new PeriodPoint("2025-02", 1, 3, 5));
            assertThat(statistics.periods(Window.ALL, Interval.QUARTER, false)).containsExactly(
                    new PeriodPoint("2024-Q4", 1, 10, 0),
                    new PeriodPoint("2025-Q1", 1, 3, 5));
            assertThat(statistics.periods(Window.ALL, Interval.YEAR, false)).containsExactly(
                    new PeriodPoint("2024", 1, 10, 0),
                    new PeriodPoint("2025", 1, 3, 5));
        }

        @Test
        void cumulative_periods_carry_running_totals() {
            var statistics = statisticsOf(new SnapshotBuilder()
                    .record("a", exchange().date("2024-01-15").returned(10))
                    .record("b", exchange().date("2024-03-15").returned(5)));

            assertThat(statistics.periods(Window.ALL, Interval.MONTH, true)).containsExactly(
                    new PeriodPoint("2024-01", 1, 10, 0),
                    new PeriodPoint("2024-02", 1, 10, 0),
                    new PeriodPoint("2024-03", 2, 15, 0));
        }

        @Test
        void interval_defaults_to_month_and_unknown_ones_are_an_invalid_query_naming_interval() {
            assertThat(Interval.fromParameter(null)).isEqualTo(Interval.MONTH);
            assertThatThrownBy(() -> Interval.fromParameter("week"))
                    .isInstanceOfSatisfying(InvalidQuery.class,
                            e -> assertThat(e.violations().get(0).parameter()).isEqualTo("interval"));
        }
    }

    @Nested
    class Units {

        @Test
        void unit_figures_include_sub_units() {
            var statistics = statisticsOf(units()
                    .record("a", exchange().date("2024-01-01").returned(30).line("afu", 10).line("tro-1", 20))
                    .record("b", exchange().date("2024-02-01").returned(5).line("tro", 5)));

            assertThat(statistics.units(Window.ALL)).containsExactly(
                    new UnitFigures(UnitId.of("afu"), "Unit afu", null, 10, 35, 2,
                            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)),
                    new UnitFigures(UnitId.of("tro"), "Unit tro", UnitId.of("afu"), 5, 25, 2,
                            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)),
                    new UnitFigures(UnitId.of("tro-1"), "Unit tro-1", UnitId.of("tro"), 20, 20, 1,
                            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)),
                    new UnitFigures(UnitId.of("nsu"), "Unit nsu", null, 0, 0, 0, null, null));
        }

        @Test
        void an_exchange_counts_once_for_a_unit_however_many_of_its_lines_and_stages_fall_under_it() {
            var statistics = statisticsOf(units().cohort("c", null, false)
                    .record("a", exchange().date("2024-01-01").operation("op").returned(30)
                            .line("tro", 10).line("tro", "c", 10).line("tro-1", 10))
                    .record("b", exchange().date("2024-01-02").operation("op").returned(5).line("tro", 5)));

            UnitFigures afu = statistics.units(Window.ALL).get(0);

            assertThat(afu.returnedWithSubunits()).isEqualTo(35);
            assertThat(afu.exchanges()).isEqualTo(1);
        }

        @Test
        void statistics_by_unit_count_living_people_only() {
            var statistics = statisticsOf(units()
                    .record("b", exchange().date("2024-01-01").bodies().returned(30).line("afu", 30)));

            assertThat(statistics.units(Window.ALL)).allSatisfy(u -> assertThat(u.returnedWithSubunits()).isZero());
        }

        @Test
        void units_sort_by_returned_with_sub_units_then_by_id() {
            var statistics = statisticsOf(new SnapshotBuilder().unit("b", null).unit("a", null).unit("c", null)
                    .record("x", exchange().date("2024-01-01").returned(10).line("b", 5).line("c", 5)));

            assertThat(statistics.units(Window.ALL)).extracting(u -> u.unit().value()).containsExactly("b", "c", "a");
        }
    }

    @Nested
    class Cohorts {

        private final SnapshotBuilder ledger = units().cohort("az", 200, true).cohort("unsized", null, false)
                .record("a", exchange().date("2024-01-01").returned(60)
                        .line("tro-1", "az", 20).line("afu", "az", 10).line(null, "az", 5).line("nsu", 25))
                .record("b", exchange().date("2024-02-01").bodies().returned(50).line("afu", "az", 50));

        @Test
        void cohort_recorded_sums_lines_tagged_with_it_living_people_only() {
            CohortFigures az = statisticsOf(ledger).cohort(CohortId.of("az"), Window.ALL);

            assertThat(az.recorded()).isEqualTo(35);
            assertThat(az.reported()).isNull();
            assertThat(az.shareReturned()).isEqualByComparingTo("0.1750");
            assertThat(az.shareReturned().scale()).isEqualTo(4);
            assertThat(az.remaining()).isEqualTo(165);
        }

        @Test
        void cohort_by_unit_lists_units_with_a_tagged_line_or_a_report_with_sub_units_included() {
            var statistics = statisticsOf(ledger
                    .report("r1", ReportScope.ofCohortUnit(CohortId.of("az"), UnitId.of("nsu")), Metric.PEOPLE_RETURNED,
                            7, "2024-03-01"));

            assertThat(statistics.cohort(CohortId.of("az"), Window.ALL).byUnit()).containsExactly(
                    new CohortUnitFigures(UnitId.of("afu"), 30, null),
                    new CohortUnitFigures(UnitId.of("tro-1"), 20, null),
                    new CohortUnitFigures(UnitId.of("nsu"), 0,
                            new ReportedFigure(7, LocalDate.of(2024, 3, 1), org.powledger.domain.model.ReportId.of("r1"))));
        }

        @Test
        void cohort_report_is_the_latest_by_as_of_then_by_recording() {
            var statistics = statisticsOf(ledger
                    .report("newest-date", ReportScope.ofCohort(CohortId.of("az")), Metric.PEOPLE_RETURNED, 100, "2024-06-01")
                    .report("older-date", ReportScope.ofCohort(CohortId.of("az")), Metric.PEOPLE_RETURNED, 90, "2024-05-01")
                    .report("same-date-later", ReportScope.ofCohort(CohortId.of("az")), Metric.PEOPLE_RETURNED, 110, "2024-06-01")
                    .report("other-metric", ReportScope.ofCohort(CohortId.of("az")), Metric.EXCHANGES, 3, "2024-07-01"));

            CohortFigures az = statistics.cohort(CohortId.of("az"), Window.ALL);

            assertThat(az.reported().reportId().value()).isEqualTo("same-date-later");
            assertThat(az.shareReturned()).isEqualByComparingTo("0.55");
            assertThat(az.remaining()).isEqualTo(90);
        }

        @Test
        void share_and_remaining_are_null_when_size_is_unknown() {
            CohortFigures unsized = statisticsOf(ledger).cohort(CohortId.of("unsized"), Window.ALL);

            assertThat(unsized.shareReturned()).isNull();
            assertThat(unsized.remaining()).isNull();
        }

        @Test
        void unknown_cohort_is_not_found() {
            assertThatThrownBy(() -> statisticsOf(ledger).cohort(CohortId.of("nope"), Window.ALL))
                    .isInstanceOf(NotFound.class);
        }
    }

    @Nested
    class FirstReturns {

        @Test
        void first_returns_look_back_over_the_whole_ledger_whatever_the_window() {
            var statistics = statisticsOf(units()
                    .record("a", exchange().date("2023-01-01").returned(10).line("afu", 10))
                    .record("b", exchange().date("2024-01-01").returned(10).line("afu", 5).line("tro", 5)));

            assertThat(statistics.firstReturns(year(2024))).containsExactly(
                    new FirstReturn(id("b"), LocalDate.of(2024, 1, 1), List.of(UnitId.of("tro")), 1));
        }

        @Test
        void earlier_means_by_date_then_by_recording_order_and_a_replaced_record_keeps_its_place() {
            var statistics = statisticsOf(units()
                    .record("first-recorded", exchange().date("2024-01-01").returned(10).line("nsu", 10))
                    .record("second-recorded", exchange().date("2024-01-01").returned(10).line("afu", 10))
                    .replace("first-recorded", exchange().date("2024-01-01").returned(10).line("afu", 10)));

            assertThat(statistics.firstReturns(Window.ALL)).containsExactly(
                    new FirstReturn(id("first-recorded"), LocalDate.of(2024, 1, 1), List.of(UnitId.of("afu")), 1),
                    new FirstReturn(id("second-recorded"), LocalDate.of(2024, 1, 1), List.of(), 0));
        }

        @Test
        void an_operation_takes_the_date_and_place_of_its_earliest_stage() {
            var statistics = statisticsOf(units()
                    .record("op-late", exchange().date("2024-01-03").operation("op").returned(5).line("tro", 5))
                    .record("single", exchange().date("2024-01-02").returned(6).line("tro", 5).line("afu", 1))
                    .record("op-early", exchange().date("2024-01-01").operation("op").returned(5).line("nsu", 5)));

            assertThat(statistics.firstReturns(Window.ALL)).containsExactly(
                    new FirstReturn(id("op-early"), LocalDate.of(2024, 1, 1),
                            List.of(UnitId.of("nsu"), UnitId.of("tro")), 2),
                    new FirstReturn(id("single"), LocalDate.of(2024, 1, 2), List.of(UnitId.of("afu")), 1));
        }

        @Test
        void units_are_counted_exactly_as_recorded_not_rolled_up() {
            var statistics = statisticsOf(units()
                    .record("a", exchange().date("2024-01-01").returned(10).line("afu", 10))
                    .record("b", exchange().date("2024-01-02").returned(10).line("tro-1", 10)));

            assertThat(statistics.firstTimeUnits(id("b")).units()).containsExactly(UnitId.of("tro-1"));
        }

        @Test
        void first_returns_count_living_people_only() {
            var statistics = statisticsOf(units()
                    .record("bodies", exchange().date("2024-01-01").bodies().returned(10).line("afu", 10))
                    .record("people", exchange().date("2024-01-02").returned(10).line("afu", 10)));

            assertThat(statistics.firstReturns(Window.ALL)).extracting(FirstReturn::exchange).containsExactly(id("people"));
            assertThat(statistics.firstTimeUnits(id("people")).count()).isEqualTo(1);
            assertThat(statistics.firstTimeUnits(id("bodies")).count()).isZero();
        }

        @Test
        void any_stage_names_its_operation() {
            var statistics = statisticsOf(units()
                    .record("s1", exchange().date("2024-01-01").operation("op").returned(10).line("afu", 10))
                    .record("s2", exchange().date("2024-01-02").operation("op").returned(10).line("nsu", 10)));

            assertThat(statistics.firstTimeUnits(id("s2"))).isEqualTo(new FirstReturn(id("s1"),
                    LocalDate.of(2024, 1, 1), List.of(UnitId.of("afu"), UnitId.of("nsu")), 2));
        }

        @Test
        void unknown_exchange_is_not_found() {
            assertThatThrownBy(() -> new LedgerStatistics(LedgerSnapshot.EMPTY).firstTimeUnits(id("nope")))
                    .isInstanceOf(NotFound.class);
        }
    }

    @Nested
    class Reconciliation {

        private final SnapshotBuilder ledger = units().cohort("az", 100, false)
                .record("a", exchange().date("2023-05-01").operation("op").returned(40).line("tro", "az", 30).line("afu", 10))
                .record("b", exchange().date("2023-05-02").operation("op").returned(20).line("tro-1", 20))
                .record("c", exchange().date("2024-01-01").returned(10).line("nsu", "az", 10))
                .record("d", exchange().date("2024-02-01").bodies().returned(70));

        private ReconciliationItem itemOf(LedgerStatistics statistics, String report) {
            return statistics.reconciliation(Window.ALL).stream()
                    .filter(i -> i.report().value().equals(report)).findFirst().orElseThrow();
        }

        @Test
        void each_scope_is_measured_by_the_same_rules_as_the_other_statistics() {
            var statistics = statisticsOf(ledger
                    .report("all", ReportScope.allTime(), Metric.EXCHANGES, 2, "2025-01-01")
                    .report("bodies", ReportScope.allTime(), Metric.BODIES_RETURNED, 70, "2025-01-01")
                    .report("year", ReportScope.ofYear(2023), Metric.PEOPLE_RETURNED, 60, "2025-01-01")
                    .report("cohort", ReportScope.ofCohort(CohortId.of("az")), Metric.PEOPLE_RETURNED, 40, "2025-01-01")
                    .report("cohort-x", ReportScope.ofCohort(CohortId.of("az")), Metric.EXCHANGES, 2, "2025-01-01")
                    .report("cohort-unit", ReportScope.ofCohortUnit(CohortId.of("az"), UnitId.of("afu")),
                            Metric.PEOPLE_RETURNED, 30, "2025-01-01")
                    .report("unit", ReportScope.ofUnit(UnitId.of("tro")), Metric.PEOPLE_RETURNED, 50, "2025-01-01")
                    .report("unit-x", ReportScope.ofUnit(UnitId.of("afu")), Metric.EXCHANGES, 1, "2025-01-01")
                    .report("stage", ReportScope.ofExchange(id("b")), Metric.PEOPLE_RETURNED, 60, "2025-01-01")
                    .report("first", ReportScope.ofExchange(id("c")), Metric.FIRST_TIME_UNITS, 1, "2025-01-01"));

            assertThat(statistics.reconciliation(Window.ALL))
                    .hasSize(10)
                    .allSatisfy(i -> assertThat(i.status()).isEqualTo(ReconciliationStatus.MATCH));
        }

        @Test
        void difference_is_recorded_minus_reported_and_sets_the_status() {
            var statistics = statisticsOf(ledger
                    .report("below", ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 15, "2025-01-01")
                    .report("above", ReportScope.ofYear(2024), Metric.BODIES_RETURNED, 60, "2025-01-01"));

            assertThat(itemOf(statistics, "below")).isEqualTo(new ReconciliationItem(
                    org.powledger.domain.model.ReportId.of("below"), ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED,
                    15, 10, -5, ReconciliationStatus.LEDGER_BELOW));
            assertThat(itemOf(statistics, "above").status()).isEqualTo(ReconciliationStatus.LEDGER_ABOVE);
        }

        @Test
        void reconciliation_orders_by_size_of_difference_then_by_recording_order() {
            var statistics = statisticsOf(ledger
                    .report("small", ReportScope.allTime(), Metric.PEOPLE_RETURNED, 69, "2025-01-01")
                    .report("large", ReportScope.allTime(), Metric.PEOPLE_RETURNED, 170, "2025-01-01")
                    .report("small-too", ReportScope.allTime(), Metric.PEOPLE_RETURNED, 71, "2025-01-01")
                    .report("none", ReportScope.allTime(), Metric.PEOPLE_RETURNED, 70, "2025-01-01"));

            assertThat(statistics.reconciliation(Window.ALL)).extracting(i -> i.report().value())
                    .containsExactly("large", "small", "small-too", "none");
        }

        @Test
        void the_window_chooses_the_reports_listed_and_each_is_measured_on_its_own_scope() {
            var statistics = statisticsOf(ledger
                    .report("all", ReportScope.allTime(), Metric.PEOPLE_RETURNED, 70, "2025-01-01")
                    .report("y2023", ReportScope.ofYear(2023), Metric.PEOPLE_RETURNED, 60, "2025-01-01")
                    .report("y2024", ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 10, "2025-01-01")
                    .report("cohort", ReportScope.ofCohort(CohortId.of("az")), Metric.PEOPLE_RETURNED, 40, "2025-01-01")
                    .report("op", ReportScope.ofExchange(id("b")), Metric.PEOPLE_RETURNED, 60, "2025-01-01")
                    .report("c", ReportScope.ofExchange(id("c")), Metric.PEOPLE_RETURNED, 10, "2025-01-01"));

            assertThat(statistics.reconciliation(year(2024)))
                    .extracting(i -> i.report().value(), ReconciliationItem::recorded, ReconciliationItem::status)
                    .containsExactly(tuple("all", 70L, ReconciliationStatus.MATCH),
                            tuple("y2024", 10L, ReconciliationStatus.MATCH),
                            tuple("cohort", 40L, ReconciliationStatus.MATCH),
                            tuple("c", 10L, ReconciliationStatus.MATCH));
        }

        @Test
        void a_year_overlapping_the_window_is_listed_even_when_the_window_cuts_it() {
            var statistics = statisticsOf(ledger
                    .report("y2023", ReportScope.ofYear(2023), Metric.PEOPLE_RETURNED, 60, "2025-01-01"));

            assertThat(statistics.reconciliation(Window.of(LocalDate.parse("2023-05-02"), null)))
                    .extracting(i -> i.report().value(), ReconciliationItem::recorded)
                    .containsExactly(tuple("y2023", 60L));
        }
    }
}

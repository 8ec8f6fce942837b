package org.powledger.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.domain.fixtures.SeedLedger.idOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.UnitId;

/** Every figure of the seed texts comes out of the seed ledger. */
class SeedFiguresTest {

    private final LedgerStatistics statistics = new LedgerStatistics(SeedLedger.snapshot());

    @Test
    void in_2024_eleven_exchanges_returned_1358_people() {
        Summary year2024 = statistics.summary(Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));

        assertThat(year2024.exchanges()).isEqualTo(11);
        assertThat(year2024.peopleReturned()).isEqualTo(1_358);
    }

    @Test
    void in_2024_356_more_people_returned_than_in_2023() {
        YearFigures year2024 = year(2024);

        assertThat(year(2023).peopleReturned()).isEqualTo(1_002);
        assertThat(year2024.peopleReturned()).isEqualTo(1_358);
        assertThat(year2024.change()).isEqualTo(new YearChange(356, new BigDecimal("35.5")));
    }

    @Test
    void azovstal_garrison_1279_of_about_2500_returned_455_of_them_azov() {
        CohortFigures azovstal = statistics.cohort(CohortId.of("azovstal"), Window.ALL);

        assertThat(azovstal.size()).isEqualTo(2_500);
        assertThat(azovstal.sizeApproximate()).isTrue();
        assertThat(azovstal.recorded()).isEqualTo(1_279);
        assertThat(azovstal.reported().value()).isEqualTo(1_279);
        assertThat(azovstal.shareReturned()).isEqualByComparingTo("0.5116");
        assertThat(azovstal.remaining()).isEqualTo(1_221);
        CohortUnitFigures azov = azovstal.byUnit().stream()
                .filter(u -> u.unit().equals(UnitId.of("azov"))).findFirst().orElseThrow();
        assertThat(azov.recorded()).isEqualTo(455);
        assertThat(azov.reported().value()).isEqualTo(455);
    }

    @Test
    void thousand_for_thousand_returned_someone_of_46_units_for_the_first_time() {
        FirstReturn viaThirdStage = statistics.firstTimeUnits(idOf(SeedLedger.THOUSAND_FOR_THOUSAND_STAGES.get(2)));

        assertThat(viaThirdStage.exchange()).isEqualTo(idOf(SeedLedger.THOUSAND_FOR_THOUSAND_STAGES.get(0)));
        assertThat(viaThirdStage.date()).isEqualTo(LocalDate.of(2025, 5, 23));
        assertThat(viaThirdStage.count()).isEqualTo(46);
        assertThat(viaThirdStage.units())
                .containsExactlyElementsOf(SeedLedger.newcomers().stream().map(u -> u.id()).sorted().toList());
    }

    @Test
    void thousand_for_thousand_is_one_exchange_of_1000() {
        Summary may2025 = statistics.summary(Window.of(LocalDate.of(2025, 5, 23), LocalDate.of(2025, 5, 25)));

        assertThat(may2025.exchanges()).isEqualTo(1);
        assertThat(may2025.peopleReturned()).isEqualTo(1_000);
        assertThat(may2025.peopleHandedOver()).isEqualTo(1_000);
        assertThat(may2025.largestExchange()).isEqualTo(new LargestExchange(
                idOf(SeedLedger.THOUSAND_FOR_THOUSAND_STAGES.get(0)), LocalDate.of(2025, 5, 23), 1_000));
    }

    @Test
    void december_30_2024_returned_189_by_unit_as_the_seed_says() {
        LocalDate day = LocalDate.of(2024, 12, 30);
        Window december30 = Window.of(day, day);

        Summary summary = statistics.summary(december30);
        assertThat(summary.peopleReturned()).isEqualTo(189);
        assertThat(summary.civiliansReturned()).isEqualTo(2);
        List<UnitFigures> units = statistics.units(december30);
        assertThat(withSubunits(units, "afu")).isEqualTo(87);
        assertThat(withSubunits(units, "tro")).isEqualTo(17);
        assertThat(withSubunits(units, "nsu")).isEqualTo(43);
        assertThat(withSubunits(units, "dpsu")).isEqualTo(33);
        assertThat(withSubunits(units, "navy")).isEqualTo(24);
    }

    @Test
    void every_seed_report_matches_the_ledger() {
        assertThat(statistics.reconciliation(Window.ALL))
                .hasSize(8)
                .allSatisfy(item -> assertThat(item.status()).isEqualTo(ReconciliationStatus.MATCH));
    }

    @Test
    void filtered_to_2024_the_reconciliation_lists_no_2023_figure_and_shows_no_gap() {
        List<ReconciliationItem> items = statistics.reconciliation(Window.of(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31)));

        assertThat(items).isNotEmpty()
                .allSatisfy(item -> assertThat(item.status()).isEqualTo(ReconciliationStatus.MATCH))
                .noneSatisfy(item -> assertThat(item.scope().year()).isEqualTo(2023));
    }

    private YearFigures year(int year) {
        return statistics.yearly(Window.ALL).stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    private static long withSubunits(List<UnitFigures> units, String unit) {
        return units.stream().filter(u -> u.unit().value().equals(unit)).findFirst().orElseThrow()
                .returnedWithSubunits();
    }
}

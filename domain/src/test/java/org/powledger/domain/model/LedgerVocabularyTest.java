package org.powledger.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.domain.fixtures.LedgerFixtures.AFU;
import static org.powledger.domain.fixtures.LedgerFixtures.AZOV;
import static org.powledger.domain.fixtures.LedgerFixtures.TRO;
import static org.powledger.domain.fixtures.LedgerFixtures.exchange;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;

/** Units, reports, search and cursors as the rest of the ledger relies on them. */
class LedgerVocabularyTest {

    private final UnitTree tree = new UnitTree(LedgerFixtures.seedUnits());

    @Test
    void an_exchange_id_is_1_to_64_ascii_letters_digits_underscores_or_hyphens() {
        String longest = "a".repeat(64);
        for (String id : List.of("ex_0000001", "A-b_9", "x", longest)) {
            assertThat(ExchangeId.isValid(id)).as(id).isTrue();
            assertThat(ExchangeId.of(id).value()).isEqualTo(id);
        }
        for (String id : java.util.Arrays.asList(null, "", longest + "a", "ex 1", "ex\n", "ex/1", "exé", "ex.1",
                "ех_1", "ex\u0000")) {
            assertThat(ExchangeId.isValid(id)).as(String.valueOf(id)).isFalse();
            assertThatThrownBy(() -> ExchangeId.of(id)).isInstanceOf(InvalidRecord.class);
        }
    }

    @Test
    void a_units_subtree_holds_itself_and_everything_below() {
        assertThat(tree.subtree(AFU.id())).containsExactlyInAnyOrder(AFU.id(), TRO.id());
        assertThat(tree.subtree(TRO.id())).containsExactly(TRO.id());
    }

    @Test
    void placing_a_unit_under_its_own_descendant_is_a_cycle() {
        assertThat(tree.wouldCycle(AFU.id(), TRO.id())).isTrue();
        assertThat(tree.wouldCycle(TRO.id(), AZOV.id())).isFalse();
    }

    @Test
    void a_report_scope_is_one_of_the_six_shapes() {
        assertThat(ReportScope.ofCohortUnit(CohortId.of("azovstal"), AZOV.id()).cohort()).isNotNull();
        assertThatThrownBy(() -> new ReportScope(2024, CohortId.of("azovstal"), null, null))
                .isInstanceOf(InvalidRecord.class);
        assertThatThrownBy(() -> new ReportScope(null, null, AZOV.id(), ExchangeId.of("ex_1")))
                .isInstanceOf(InvalidRecord.class);
    }

    @Test
    void first_time_units_can_only_be_reported_for_one_exchange() {
        assertThatThrownBy(() -> new Report(ReportScope.ofYear(2025), Metric.FIRST_TIME_UNITS, 46, false,
                LocalDate.of(2025, 5, 29), null, null))
                .isInstanceOfSatisfying(InvalidRecord.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/metric"));
    }

    @Test
    void search_matches_word_prefixes_ignoring_case() {
        Exchange e = exchange().notes("Defenders of Azovstal came home").build();

        assertThat(SearchWords.matches(e, SearchWords.ofQuery("azovst"))).isTrue();
        assertThat(SearchWords.matches(e, SearchWords.ofQuery("AZOVSTAL home"))).isTrue();
        assertThat(SearchWords.matches(e, SearchWords.ofQuery("zovstal"))).isFalse();
        assertThat(SearchWords.matches(e, SearchWords.ofQuery("azovstal mariupol"))).isFalse();
    }

    @Test
    void search_ignores_diacritics_on_both_sides() {
        Exchange diaeresis = exchange().notes("Defenders of Zmiïnyi island").build();
        Exchange plain = exchange().notes("Defenders of Zmiinyi island").build();
        Exchange decomposed = exchange().notes("Defenders of Zmii\u0308nyi island").build();

        assertThat(SearchWords.matches(diaeresis, SearchWords.ofQuery("zmii"))).isTrue();
        assertThat(SearchWords.matches(plain, SearchWords.ofQuery("ZMIÏ"))).isTrue();
        assertThat(SearchWords.matches(decomposed, SearchWords.ofQuery("zmiinyi island"))).isTrue();
        assertThat(SearchWords.matches(diaeresis, SearchWords.ofQuery("zmiy"))).isFalse();
    }

    @Test
    void search_reads_ref_and_sources_too_in_any_script() {
        Exchange e = exchange().ref("obmin-2024").source("https://example.org", "Обмін полоненими", "Укрінформ")
                .build();

        assertThat(SearchWords.matches(e, SearchWords.ofQuery("обмін"))).isTrue();
        assertThat(SearchWords.matches(e, SearchWords.ofQuery("УКРІН"))).isTrue();
        assertThat(SearchWords.matches(e, SearchWords.ofQuery("obmin"))).isTrue();
    }

    @Test
    void a_cursor_round_trips_and_a_forged_one_is_a_bad_parameter() {
        ExchangePosition position = new ExchangePosition(LocalDate.of(2024, 12, 30), 42);

        assertThat(ExchangePosition.fromCursor(position.toCursor())).isEqualTo(position);
        assertThatThrownBy(() -> ExchangePosition.fromCursor("not-a-cursor"))
                .isInstanceOfSatisfying(InvalidQuery.class,
                        e -> assertThat(e.violations().get(0).parameter()).isEqualTo("cursor"));
    }

    @Test
    void a_cursor_this_server_did_not_give_out_is_refused_even_when_it_decodes() {
        String cursor = Cursor.encode("afu");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("navy".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Cursor.decode(cursor, 1)).containsExactly("afu");
        assertThatThrownBy(() -> Cursor.decode(forged, 1)).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> Cursor.decode(cursor.substring(1), 1)).isInstanceOf(InvalidQuery.class);
    }

    @Test
    void ledger_order_is_by_date_then_by_recording() {
        List<ExchangePosition> positions = new java.util.ArrayList<>(List.of(
                new ExchangePosition(LocalDate.of(2024, 2, 1), 1),
                new ExchangePosition(LocalDate.of(2024, 1, 1), 9),
                new ExchangePosition(LocalDate.of(2024, 1, 1), 3)));
        positions.sort(null);

        assertThat(positions).extracting(ExchangePosition::sequence).containsExactly(3L, 9L, 1L);
    }
}

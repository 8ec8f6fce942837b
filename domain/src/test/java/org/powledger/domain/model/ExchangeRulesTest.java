package org.powledger.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.domain.fixtures.LedgerFixtures.exchange;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ExchangeDraft.LineDraft;
import org.powledger.domain.port.in.ExchangeDraft.SourceDraft;

/** The rules every exchange record obeys, whoever records it. */
class ExchangeRulesTest {

    private static List<String> pointersOf(Runnable build) {
        try {
            build.run();
        } catch (InvalidRecord invalid) {
            return invalid.violations().stream().map(Violation::pointer).toList();
        }
        throw new AssertionError("expected the record to be rejected");
    }

    private static ExchangeDraft draft(Integer returned, String kind, Integer civilians, List<LineDraft> lines) {
        return new ExchangeDraft(null, null, LocalDate.of(2024, 12, 30), kind, null, returned, null, civilians,
                List.of(), lines, List.of(), null);
    }

    @Test
    void the_seed_exchange_of_30_december_leaves_two_unattributed() {
        Exchange december30 = LedgerFixtures.december30();

        assertThat(december30.returned()).isEqualTo(189);
        assertThat(december30.unattributed()).isEqualTo(2);
    }

    @Test
    void breakdown_may_not_exceed_returned() {
        assertThat(pointersOf(() -> exchange().returned(5).line("afu", 3).line("tro", 3).build()))
                .containsExactly("/breakdown");
    }

    @Test
    void two_lines_may_not_share_unit_and_cohort() {
        assertThat(pointersOf(() -> exchange().returned(50).line("azov", "azovstal", 3)
                .line("azov", "azovstal", 4).build())).containsExactly("/breakdown/1");
    }

    @Test
    void a_breakdown_longer_than_the_limit_is_one_problem_not_one_per_repeated_line() {
        var builder = exchange().returned(50_000);
        for (int i = 0; i < 20_000; i++) {
            builder.line("afu", 1);
        }

        assertThat(pointersOf(builder::build)).containsExactly("/breakdown");
    }

    @Test
    void the_same_unit_may_appear_with_and_without_a_cohort() {
        Exchange e = exchange().returned(50).line("azov", 3).line("azov", "azovstal", 4).build();

        assertThat(e.unattributed()).isEqualTo(43);
    }

    @Test
    void civilians_may_not_exceed_returned_and_belong_to_prisoner_exchanges() {
        assertThat(pointersOf(() -> exchange().returned(2).civilians(3).build())).containsExactly("/civilians");
        assertThat(pointersOf(() -> exchange().bodies().returned(2).civilians(1).build()))
                .containsExactly("/civilians");
    }

    @Test
    void returned_is_between_zero_and_one_hundred_thousand() {
        assertThat(pointersOf(() -> exchange().returned(-1).build())).containsExactly("/returned");
        assertThat(pointersOf(() -> exchange().returned(100_001).build())).containsExactly("/returned");
    }

    @Test
    void a_date_in_the_future_is_refused_along_with_every_other_problem() {
        ExchangeDraft tomorrow = new ExchangeDraft(null, null, LocalDate.of(2025, 1, 2), "prisoners", null, -5,
                null, null, List.of(), List.of(), List.of(), null);

        assertThat(pointersOf(() -> tomorrow.toExchange(LocalDate.of(2025, 1, 1))))
                .containsExactlyInAnyOrder("/date", "/returned");
        assertThat(draft(5, "prisoners", null, List.of()).toExchange(LocalDate.of(2024, 12, 30)).date())
                .isEqualTo(LocalDate.of(2024, 12, 30));
    }

    @Test
    void every_problem_of_a_draft_is_reported_at_once_with_its_pointer() {
        ExchangeDraft draft = new ExchangeDraft(null, null, null, "prisoner", null, null, -1, null,
                List.of("UAE", "uae"),
                List.of(new LineDraft("Bad Slug", null, 1), new LineDraft(null, null, 0)),
                List.of(new SourceDraft("ftp://example.org", null, null, null)), null);

        assertThat(pointersOf(draft::toExchange)).containsExactlyInAnyOrder(
                "/kind", "/returned", "/date", "/handedOver", "/mediators/1",
                "/breakdown/0/unit", "/breakdown/1/unit", "/breakdown/1/count", "/sources/0/url");
    }

    @Test
    void a_missing_count_is_required_not_out_of_range() {
        InvalidRecord invalid = org.junit.jupiter.api.Assertions.assertThrows(InvalidRecord.class,
                () -> draft(10, "prisoners", null, List.of(new LineDraft("afu", null, null))).toExchange());

        assertThat(invalid.violations()).containsExactly(Violation.at("/breakdown/0/count", "is required"));
    }

    @Test
    void sources_must_be_http_links() {
        assertThat(pointersOf(() -> new Source("javascript:alert(1)", null, null, null))).containsExactly("/url");
        assertThat(new Source("https://example.org/a", " Title ", null, null).title()).isEqualTo("Title");
    }

    @Test
    void ids_are_slugs() {
        assertThat(Slug.isValid("tro")).isTrue();
        assertThat(Slug.isValid("12-brigade")).isTrue();
        assertThat(Slug.isValid("-x")).isFalse();
        assertThat(Slug.isValid("TRO")).isFalse();
        assertThat(Slug.isValid("../etc")).isFalse();
        assertThat(Slug.isValid("a".repeat(64))).isFalse();
    }
}

package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.UnitId;

/** The contract of {@link org.powledger.domain.port.out.Reports}. */
public abstract class ReportsContract extends StoreContract {

    private static final CohortId AZOVSTAL = CohortId.of("azovstal");
    private static final UnitId AZOV = UnitId.of("azov");
    private static final Source SOURCE = new Source("https://example.org/report", "Coordination HQ", "UNN",
            LocalDate.of(2025, 1, 2));

    private int ids;

    @Test
    void add_stores_a_report_in_the_next_place_of_recording_order() {
        ReportRecord first = add(report(ReportScope.ofYear(2024), 1358));
        ReportRecord second = add(report(ReportScope.allTime(), 4000));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(store.reports().byId(first.id())).contains(first);
    }

    @Test
    void every_kind_of_scope_reads_back() {
        ExchangeId exchange = add(on("2024-12-30")).id();
        List<ReportScope> scopes = List.of(ReportScope.allTime(), ReportScope.ofYear(2024),
                ReportScope.ofCohort(AZOVSTAL), ReportScope.ofCohortUnit(AZOVSTAL, AZOV), ReportScope.ofUnit(AZOV),
                ReportScope.ofExchange(exchange));

        for (ReportScope scope : scopes) {
            ReportRecord added = add(report(scope, 7));
            assertThat(store.reports().byId(added.id()).orElseThrow().report().scope()).isEqualTo(scope);
        }
    }

    @Test
    void a_report_reads_back_with_every_field() {
        Report full = new Report(ReportScope.ofCohort(AZOVSTAL), Metric.PEOPLE_RETURNED, 1800, true,
                LocalDate.of(2024, 12, 31), SOURCE, "About 1800 of the garrison");
        Report bare = new Report(ReportScope.ofExchange(ExchangeId.of("ex_any")), Metric.FIRST_TIME_UNITS, 0, false,
                LocalDate.of(2024, 12, 31), null, null);

        ReportRecord a = add(full);
        ReportRecord b = add(bare);

        assertThat(store.reports().byId(a.id()).orElseThrow().report()).isEqualTo(full);
        assertThat(store.reports().byId(b.id()).orElseThrow().report()).isEqualTo(bare);
    }

    @Test
    void a_report_is_found_by_its_ref_and_reads_back_with_it() {
        Report keyed = new Report("tally-2024", ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 1358, false,
                LocalDate.of(2025, 1, 2), SOURCE, null);
        ReportRecord added = add(keyed);
        add(report(ReportScope.allTime(), 1));

        assertThat(store.reports().byRef("tally-2024")).contains(added);
        assertThat(store.reports().byId(added.id()).orElseThrow().report().ref()).isEqualTo("tally-2024");
        assertThat(store.reports().byRef("other")).isEmpty();
    }

    @Test
    void a_second_report_with_a_used_ref_is_a_conflict_also_by_replace() {
        ReportRecord first = add(new Report("k", ReportScope.allTime(), Metric.EXCHANGES, 1, false,
                LocalDate.of(2025, 1, 2), null, null));
        ReportRecord second = add(report(ReportScope.allTime(), 2));
        Report sameRef = new Report("k", ReportScope.allTime(), Metric.EXCHANGES, 2, false, LocalDate.of(2025, 1, 2),
                null, null);

        assertThatThrownBy(() -> add(sameRef)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> store.reports().replace(second.replacedBy(sameRef))).isInstanceOf(Conflict.class);
        store.reports().replace(first.replacedBy(sameRef));
        assertThat(store.reports().byRef("k").orElseThrow().report().value()).isEqualTo(2);
    }

    @Test
    void add_with_an_id_already_used_is_a_conflict() {
        ReportRecord first = add(report(ReportScope.allTime(), 1));

        assertThatThrownBy(() -> store.reports().add(first.id(), report(ReportScope.allTime(), 2), T0))
                .isInstanceOf(Conflict.class);
        assertThat(store.reports().all()).containsExactly(first);
    }

    @Test
    void remove_forgets_the_report() {
        ReportRecord gone = add(report(ReportScope.ofUnit(AZOV), 1));
        ReportRecord kept = add(report(ReportScope.allTime(), 2));

        store.reports().remove(gone.id());

        assertThat(store.reports().byId(gone.id())).isEmpty();
        assertThat(store.reports().all()).containsExactly(kept);
        assertThat(store.reports().anyNaming(AZOV)).isFalse();
    }

    @Test
    void replace_stores_the_next_version_in_the_same_place_of_recording_order() {
        ReportRecord first = add(report(ReportScope.ofYear(2024), 11));
        ReportRecord second = add(report(ReportScope.allTime(), 40));

        store.reports().replace(first.replacedBy(report(ReportScope.ofYear(2024), 12)));

        ReportRecord replaced = store.reports().byId(first.id()).orElseThrow();
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.sequence()).isEqualTo(first.sequence());
        assertThat(replaced.createdAt()).isEqualTo(first.createdAt());
        assertThat(replaced.report().value()).isEqualTo(12);
        assertThat(store.reports().all()).containsExactly(replaced, second);
    }

    @Test
    void an_unknown_report_is_empty() {
        assertThat(store.reports().byId(ReportId.of("rp_nothing"))).isEmpty();
    }

    @Test
    void all_and_list_are_in_recording_order_and_list_pages_through_every_report_once() {
        List<ReportRecord> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            added.add(add(report(ReportScope.ofYear(2030 - i), i)));
        }

        List<ReportRecord> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<ReportRecord> page = store.reports().list(new PageRequest(3, cursor));
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(added);
        assertThat(store.reports().all()).containsExactlyElementsOf(added);
    }

    @Test
    void anyNaming_tells_whether_a_report_scope_names_a_unit_cohort_or_exchange() {
        ExchangeId exchange = ExchangeId.of("ex_named");
        add(report(ReportScope.ofCohortUnit(AZOVSTAL, AZOV), 5));
        add(report(ReportScope.ofExchange(exchange), 5));

        assertThat(store.reports().anyNaming(AZOV)).isTrue();
        assertThat(store.reports().anyNaming(AZOVSTAL)).isTrue();
        assertThat(store.reports().anyNaming(exchange)).isTrue();
        assertThat(store.reports().anyNaming(UnitId.of("tro"))).isFalse();
        assertThat(store.reports().anyNaming(CohortId.of("other"))).isFalse();
        assertThat(store.reports().anyNaming(ExchangeId.of("ex_other"))).isFalse();
    }

    private ReportRecord add(Report report) {
        return store.reports().add(ReportId.of("rp_test" + ++ids), report, T0);
    }

    private static Report report(ReportScope scope, long value) {
        return new Report(scope, Metric.PEOPLE_RETURNED, value, false, LocalDate.of(2025, 1, 2), SOURCE, null);
    }
}

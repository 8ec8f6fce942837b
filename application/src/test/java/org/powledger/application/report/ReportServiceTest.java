package org.powledger.application.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.powledger.domain.fixtures.LedgerFixtures.AZOV;
import static org.powledger.domain.fixtures.LedgerFixtures.AZOVSTAL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powledger.application.MockedStore;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.in.ReportDraft.ScopeDraft;

class ReportServiceTest {

    private static final Instant NOW = Instant.parse("2025-05-29T10:00:00Z");
    private final MockedStore ports = new MockedStore();
    private final ReportService service = new ReportService(ports.store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ReportDraft azovOfAzovstal(String asOf) {
        return new ReportDraft(null, null, new ScopeDraft(null, "azovstal", "azov", null), "peopleReturned", 455L, false,
                LocalDate.parse(asOf), null, "Yusov: among them, 455 Azov soldiers");
    }

    @Test
    void a_report_naming_a_known_cohort_and_unit_is_recorded() {
        when(ports.cohorts.byId(AZOVSTAL.id())).thenReturn(Optional.of(Versioned.first(AZOVSTAL, NOW)));
        when(ports.units.byId(AZOV.id())).thenReturn(Optional.of(Versioned.first(AZOV, NOW)));
        when(ports.reports.add(any(), any(), eq(NOW)))
                .thenAnswer(inv -> new ReportRecord(inv.getArgument(0), 1, NOW, inv.getArgument(1)));

        ReportRecord recorded = service.record(azovOfAzovstal("2025-05-29"), Actor.system("t"));

        assertThat(recorded.report().value()).isEqualTo(455);
    }

    @Test
    void a_report_naming_what_the_ledger_does_not_hold_is_rejected_with_pointers() {
        when(ports.cohorts.byId(any())).thenReturn(Optional.empty());
        when(ports.units.byId(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.record(azovOfAzovstal("2025-05-29"), Actor.system("t")))
                .isInstanceOfSatisfying(InvalidRecord.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer).containsExactlyInAnyOrder("/scope/unit", "/scope/cohort"));
        verify(ports.reports, never()).add(any(), any(), any());
    }

    @Test
    void a_bad_value_and_an_unknown_cohort_come_in_one_answer() {
        when(ports.cohorts.byId(any())).thenReturn(Optional.empty());
        ReportDraft bad = new ReportDraft(null, null, new ScopeDraft(null, "ghost", null, null), "peopleReturned",
                -1L, false, LocalDate.parse("2025-05-29"), null, null);

        assertThatThrownBy(() -> service.record(bad, Actor.system("t")))
                .isInstanceOfSatisfying(InvalidRecord.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer).containsExactlyInAnyOrder("/value", "/scope/cohort"));
        verify(ports.reports, never()).add(any(), any(), any());
    }

    @Test
    void a_figure_cannot_be_stated_as_of_tomorrow() {
        assertThatThrownBy(() -> service.record(azovOfAzovstal("2025-05-30"), Actor.system("t")))
                .isInstanceOfSatisfying(InvalidRecord.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/asOf"));
    }
}

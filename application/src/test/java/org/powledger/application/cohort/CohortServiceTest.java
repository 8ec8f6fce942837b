package org.powledger.application.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.powledger.domain.fixtures.LedgerFixtures.AZOVSTAL;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powledger.application.MockedStore;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;

class CohortServiceTest {

    private static final Instant NOW = Instant.parse("2025-05-29T10:00:00Z");
    private final MockedStore ports = new MockedStore();
    private final CohortService service = new CohortService(ports.store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_cohort_of_about_2500_is_created_at_version_one() {
        when(ports.cohorts.byId(AZOVSTAL.id())).thenReturn(Optional.empty());

        var saved = service.put(new CohortDraft("azovstal", "Azovstal garrison", 2500, true, null), null,
                Actor.system("t"));

        assertThat(saved.created()).isTrue();
        assertThat(saved.stored().value().sizeApproximate()).isTrue();
        verify(ports.cohorts).save(saved.stored());
    }

    @Test
    void an_approximate_size_needs_a_size() {
        assertThatThrownBy(() -> service.put(new CohortDraft("azovstal", "Azovstal", null, true, null), null,
                Actor.system("t")))
                .isInstanceOfSatisfying(InvalidRecord.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/sizeApproximate"));
    }

    @Test
    void a_cohort_named_on_a_line_or_by_a_report_cannot_be_deleted() {
        when(ports.cohorts.byId(AZOVSTAL.id())).thenReturn(Optional.of(Versioned.first(AZOVSTAL, NOW)));
        when(ports.exchanges.anyLineWith(AZOVSTAL.id())).thenReturn(true, false);
        when(ports.reports.anyNaming(AZOVSTAL.id())).thenReturn(true);

        assertThatThrownBy(() -> service.delete(AZOVSTAL.id(), Actor.system("t"))).isInstanceOf(Conflict.class)
                .hasMessageContaining("breakdown");
        assertThatThrownBy(() -> service.delete(AZOVSTAL.id(), Actor.system("t"))).isInstanceOf(Conflict.class)
                .hasMessageContaining("report");
        verify(ports.cohorts, never()).remove(any());
    }

    @Test
    void deleting_an_unknown_cohort_is_not_found() {
        when(ports.cohorts.byId(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.delete(AZOVSTAL.id(), Actor.system("t"))).isInstanceOf(NotFound.class);
    }
}

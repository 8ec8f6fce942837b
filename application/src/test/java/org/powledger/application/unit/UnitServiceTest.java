package org.powledger.application.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.powledger.domain.fixtures.LedgerFixtures.AFU;
import static org.powledger.domain.fixtures.LedgerFixtures.TRO;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powledger.application.MockedStore;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.port.in.UnitDraft;

class UnitServiceTest {

    private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");
    private final MockedStore ports = new MockedStore();
    private final UnitService service = new UnitService(ports.store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_new_unit_is_created_at_version_one() {
        when(ports.units.byId(AFU.id())).thenReturn(Optional.empty());

        var saved = service.put(new UnitDraft("afu", "Armed Forces", null), null, Actor.system("t"));

        assertThat(saved.created()).isTrue();
        assertThat(saved.stored().version()).isEqualTo(1);
        verify(ports.units).save(saved.stored());
    }

    @Test
    void an_unknown_parent_is_rejected() {
        when(ports.units.all()).thenReturn(List.of());

        assertThatThrownBy(() -> service.put(new UnitDraft("tro", "TRO", "afu"), null, Actor.system("t")))
                .isInstanceOfSatisfying(InvalidRecord.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/parent"));
    }

    @Test
    void a_parent_that_would_close_a_cycle_is_rejected() {
        when(ports.units.all()).thenReturn(List.of(AFU, TRO));

        assertThatThrownBy(() -> service.put(new UnitDraft("afu", "Armed Forces", "tro"), 1, Actor.system("t")))
                .isInstanceOf(InvalidRecord.class).hasMessageContaining("under itself");
        verify(ports.units, never()).save(any());
    }

    @Test
    void replacing_needs_the_current_version_and_creating_needs_none() {
        when(ports.units.byId(AFU.id())).thenReturn(Optional.of(Versioned.first(AFU, NOW)));

        assertThatThrownBy(() -> service.put(new UnitDraft("afu", "AFU", null), null, Actor.system("t")))
                .isInstanceOf(VersionRequired.class);
        assertThatThrownBy(() -> service.put(new UnitDraft("afu", "AFU", null), 5, Actor.system("t")))
                .isInstanceOf(StaleVersion.class);
        assertThat(service.put(new UnitDraft("afu", "AFU", null), 1, Actor.system("t")).stored().version())
                .isEqualTo(2);
    }

    @Test
    void a_unit_with_sub_units_or_lines_cannot_be_deleted() {
        when(ports.units.byId(any())).thenAnswer(inv -> Optional.of(Versioned.first(AFU, NOW)));
        when(ports.units.all()).thenReturn(List.of(AFU, TRO));
        when(ports.exchanges.anyLineWith(TRO.id())).thenReturn(true);

        assertThatThrownBy(() -> service.delete(AFU.id(), Actor.system("t"))).isInstanceOf(Conflict.class)
                .hasMessageContaining("sub-units");
        assertThatThrownBy(() -> service.delete(TRO.id(), Actor.system("t"))).isInstanceOf(Conflict.class)
                .hasMessageContaining("breakdown");
        verify(ports.units, never()).remove(any());
    }
}

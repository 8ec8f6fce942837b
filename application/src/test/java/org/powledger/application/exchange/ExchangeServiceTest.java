package org.powledger.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.powledger.domain.fixtures.LedgerFixtures.AFU;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.powledger.application.MockedStore;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.IdempotentRequest;
import org.powledger.domain.port.in.RecordingExchanges;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ExchangeDraft.LineDraft;

class ExchangeServiceTest {

    private static final Instant NOW = Instant.parse("2025-01-02T10:00:00Z");
    private static final Actor SCRAPER = new Actor("scraper", AccessScope.WRITE);

    private final MockedStore ports = new MockedStore();
    private final ExchangeService service = new ExchangeService(ports.store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ExchangeDraft draft(String ref, String date, int returned, LineDraft... lines) {
        return new ExchangeDraft(null, ref, LocalDate.parse(date), "prisoners", null, returned, null, null,
                List.of(), List.of(lines), List.of(), null);
    }

    private static ExchangeRecord stored(ExchangeId id, int version, Exchange exchange) {
        return new ExchangeRecord(id, 1, version, NOW, NOW, exchange);
    }

    @Test
    void recording_stores_the_exchange_and_its_created_history_entry() {
        when(ports.units.byId(AFU.id())).thenReturn(Optional.of(Versioned.first(AFU, NOW)));
        when(ports.exchanges.add(any(), any(), eq(NOW)))
                .thenAnswer(inv -> stored(inv.getArgument(0), 1, inv.getArgument(1)));

        ExchangeRecord recorded = service.record(draft("r1", "2024-12-30", 10, new LineDraft("afu", null, 4)), SCRAPER);

        ArgumentCaptor<HistoryEntry> entry = ArgumentCaptor.forClass(HistoryEntry.class);
        verify(ports.history).append(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo(HistoryEntry.Action.CREATED);
        assertThat(entry.getValue().actor()).isEqualTo("scraper");
        assertThat(entry.getValue().exchangeId()).isEqualTo(recorded.id());
        assertThat(recorded.exchange().unattributed()).isEqualTo(6);
    }

    @Test
    void a_line_naming_an_unknown_unit_is_rejected_with_its_pointer() {
        when(ports.units.byId(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.record(draft(null, "2024-12-30", 10,
                new LineDraft("afu", null, 1), new LineDraft("ghost", null, 1)), SCRAPER))
                .isInstanceOfSatisfying(InvalidRecord.class, e -> assertThat(e.violations())
                        .extracting(v -> v.pointer())
                        .containsExactly("/breakdown/0/unit", "/breakdown/1/unit"));
        verify(ports.exchanges, never()).add(any(), any(), any());
    }

    @Test
    void bad_values_and_an_unknown_unit_come_in_one_answer() {
        when(ports.units.byId(any())).thenReturn(Optional.empty());
        ExchangeDraft bad = new ExchangeDraft(null, null, LocalDate.parse("2024-12-30"), "hostages", null, -3, null,
                null, List.of(), List.of(new LineDraft("ghost", null, 1)), List.of(), null);

        assertThatThrownBy(() -> service.record(bad, SCRAPER))
                .isInstanceOfSatisfying(InvalidRecord.class, e -> assertThat(e.violations())
                        .extracting(v -> v.pointer())
                        .contains("/kind", "/returned", "/breakdown/0/unit"));
        verify(ports.exchanges, never()).add(any(), any(), any());
    }

    @Test
    void a_ref_already_used_is_a_conflict_naming_the_existing_record() {
        ExchangeId existing = ExchangeId.of("ex_existing");
        when(ports.exchanges.byRef("r1")).thenReturn(Optional.of(stored(existing, 1,
                draft("r1", "2024-01-01", 1).toExchange())));

        assertThatThrownBy(() -> service.record(draft("r1", "2024-12-30", 10), SCRAPER))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.existingId()).isEqualTo("ex_existing"));
    }

    @Test
    void an_exchange_dated_in_the_future_is_rejected() {
        assertThatThrownBy(() -> service.record(draft(null, "2025-01-03", 10), SCRAPER))
                .isInstanceOfSatisfying(InvalidRecord.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/date"));
    }

    @Test
    void replacing_needs_the_current_version() {
        ExchangeId id = ExchangeId.of("ex_1");
        when(ports.exchanges.byId(id)).thenReturn(Optional.of(stored(id, 2, draft(null, "2024-01-01", 5).toExchange())));

        assertThatThrownBy(() -> service.replace(id, draft(null, "2024-01-01", 6), null, SCRAPER))
                .isInstanceOf(VersionRequired.class);
        assertThatThrownBy(() -> service.replace(id, draft(null, "2024-01-01", 6), 1, SCRAPER))
                .isInstanceOf(StaleVersion.class);
        verify(ports.exchanges, never()).replace(any());
    }

    @Test
    void replacing_keeps_the_place_in_recording_order_and_bumps_the_version() {
        ExchangeId id = ExchangeId.of("ex_1");
        when(ports.exchanges.byId(id)).thenReturn(Optional.of(
                new ExchangeRecord(id, 7, 2, NOW, NOW, draft(null, "2024-01-01", 5).toExchange())));

        ExchangeRecord replaced = service.replace(id, draft(null, "2024-01-01", 6), 2, SCRAPER);

        assertThat(replaced.sequence()).isEqualTo(7);
        assertThat(replaced.version()).isEqualTo(3);
        verify(ports.exchanges).replace(replaced);
    }

    @Test
    void deleting_appends_a_deleted_entry_with_the_record_as_it_was() {
        ExchangeId id = ExchangeId.of("ex_1");
        Exchange was = draft(null, "2024-01-01", 5).toExchange();
        when(ports.exchanges.byId(id)).thenReturn(Optional.of(stored(id, 2, was)));

        service.delete(id, SCRAPER);

        verify(ports.exchanges).remove(id);
        verify(ports.history).append(new HistoryEntry(id, 3, HistoryEntry.Action.DELETED, NOW, "scraper", was));
    }

    @Test
    void an_idempotent_create_is_made_once_and_then_replayed() {
        when(ports.exchanges.add(any(), any(), eq(NOW)))
                .thenAnswer(inv -> stored(inv.getArgument(0), 1, inv.getArgument(1)));
        when(ports.idempotencyKeys.find(IdempotentRequest.scoped("scraper", "k-1"))).thenReturn(Optional.empty());

        RecordingExchanges.Recorded first = service.record(draft(null, "2024-12-30", 10), SCRAPER, "k-1", "fp");

        assertThat(first.replayed()).isFalse();
        verify(ports.idempotencyKeys).remember(
                new IdempotentRequest(IdempotentRequest.scoped("scraper", "k-1"), "fp", first.record().id().value(), NOW));
        when(ports.idempotencyKeys.find(IdempotentRequest.scoped("scraper", "k-1"))).thenReturn(Optional.of(
                new IdempotentRequest(IdempotentRequest.scoped("scraper", "k-1"), "fp", first.record().id().value(), NOW)));
        when(ports.exchanges.byId(first.record().id())).thenReturn(Optional.of(first.record()));

        RecordingExchanges.Recorded again = service.record(draft(null, "2024-12-30", 10), SCRAPER, "k-1", "fp");

        assertThat(again.replayed()).isTrue();
        assertThat(again.record()).isEqualTo(first.record());
        verify(ports.exchanges, org.mockito.Mockito.times(1)).add(any(), any(), any());
    }

    @Test
    void the_same_idempotency_key_with_another_request_is_refused() {
        when(ports.idempotencyKeys.find(any())).thenReturn(Optional.of(new IdempotentRequest(
                IdempotentRequest.scoped("scraper", "k-1"), "fp-first", "ex_1", NOW)));

        assertThatThrownBy(() -> service.record(draft(null, "2024-12-30", 10), SCRAPER, "k-1", "fp-other"))
                .isInstanceOf(InvalidRecord.class);
        verify(ports.exchanges, never()).add(any(), any(), any());
    }
}

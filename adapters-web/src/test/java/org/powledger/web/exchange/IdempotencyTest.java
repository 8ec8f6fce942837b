package org.powledger.web.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.web.ApiTest;

class IdempotencyTest extends ApiTest {

    static final String OTHER_BODY = ExchangeRoutesTest.BODY.replace("\"returned\": 189", "\"returned\": 190");

    @Test
    void a_repeat_with_the_same_key_and_body_answers_the_first_response() {
        when(exchanges.record(any(), any())).thenReturn(ExchangeRoutesTest.stored(1));
        api(client -> {
            Reply first = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY);
            Reply again = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY);

            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        });
        verify(exchanges, times(1)).record(any(), any());
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        when(exchanges.record(any(), any())).thenReturn(ExchangeRoutesTest.stored(1));
        api(client -> {
            client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(ExchangeRoutesTest.BODY);
            Reply other = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(OTHER_BODY);

            assertThat(other.status()).isEqualTo(422);
            assertThat(other.json().at("/errors/0/header").asText()).isEqualTo("Idempotency-Key");
        });
    }

    @Test
    void keys_of_different_tokens_do_not_meet() {
        when(exchanges.record(any(), any())).thenReturn(ExchangeRoutesTest.stored(1));
        api(client -> {
            client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(ExchangeRoutesTest.BODY);
            Reply byAdmin = client.post("/api/v1/exchanges").token("admin").header("Idempotency-Key", "k-1")
                    .json(OTHER_BODY);

            assertThat(byAdmin.status()).isEqualTo(201);
        });
        verify(exchanges, times(2)).record(any(), any());
    }

    @Test
    void a_failed_create_does_not_hold_the_key() {
        when(exchanges.record(any(), any())).thenThrow(new Conflict("ref used", "ex_1"))
                .thenReturn(ExchangeRoutesTest.stored(1));
        api(client -> {
            assertThat(client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY).status()).isEqualTo(409);
            assertThat(client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY).status()).isEqualTo(201);
        });
    }

    @Test
    void a_malformed_key_is_400_naming_the_header() {
        api(client -> {
            Reply reply = client.post("/api/v1/exchanges").header("Idempotency-Key", "x".repeat(256))
                    .json(ExchangeRoutesTest.BODY);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/header").asText()).isEqualTo("Idempotency-Key");
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void a_repeat_while_the_first_is_still_being_written_is_409() {
        IdempotencyKeys keys = new IdempotencyKeys(Clock.fixed(Instant.parse("2025-01-02T10:00:00Z"), ZoneOffset.UTC));
        ExchangeDraft draft = new ExchangeDraft(null, null, null, "prisoners", null, 1, null, null, null, null, null,
                null);
        AtomicReference<Throwable> inner = new AtomicReference<>();
        keys.create("alice", "k", draft, () -> {
            try {
                keys.create("alice", "k", draft, () -> ExchangeRoutesTest.stored(1));
            } catch (Throwable t) {
                inner.set(t);
            }
            return ExchangeRoutesTest.stored(1);
        });
        assertThat(inner.get()).isInstanceOf(Conflict.class);
    }

    @Test
    void keys_are_forgotten_after_a_day() {
        Instant start = Instant.parse("2025-01-02T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        IdempotencyKeys keys = new IdempotencyKeys(clock);
        ExchangeDraft draft = new ExchangeDraft(null, null, null, "prisoners", null, 1, null, null, null, null, null,
                null);
        ExchangeRecord first = ExchangeRoutesTest.stored(1);
        keys.create("alice", "k", draft, () -> first);

        clock.now = start.plusSeconds(25 * 3600);
        ExchangeDraft other = new ExchangeDraft(null, null, null, "prisoners", null, 2, null, null, null, null, null,
                null);

        assertThat(keys.create("alice", "k", other, () -> first).replayed()).isFalse();
        assertThatThrownBy(() -> keys.create("alice", "k", draft, () -> first))
                .hasMessageContaining("another record");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

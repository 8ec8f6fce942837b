package org.powledger.web.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.port.in.RecordingExchanges.Recorded;
import org.powledger.web.ApiTest;

/** {@code Idempotency-Key}: the web passes the key and a fingerprint of the request to the use case. */
class IdempotencyTest extends ApiTest {

    static final String SAME_BODY_OTHER_SPACING = ExchangeRoutesTest.BODY.replace("\"returned\": 189",
            "\"returned\":189");
    static final String OTHER_BODY = ExchangeRoutesTest.BODY.replace("\"returned\": 189", "\"returned\": 190");

    @Test
    void the_key_and_a_fingerprint_of_the_request_reach_the_use_case() {
        when(exchanges.record(any(), any(), anyString(), anyString()))
                .thenReturn(new Recorded(ExchangeRoutesTest.stored(1), false));
        api(client -> {
            Reply first = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY);

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isNull();
        });
        verify(exchanges).record(any(), eq(ALICE), eq("k-1"), anyString());
    }

    @Test
    void the_fingerprint_ignores_spacing_but_not_content() {
        when(exchanges.record(any(), any(), anyString(), anyString()))
                .thenReturn(new Recorded(ExchangeRoutesTest.stored(1), false));
        ArgumentCaptor<String> fingerprints = ArgumentCaptor.forClass(String.class);
        api(client -> {
            client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(ExchangeRoutesTest.BODY);
            client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(SAME_BODY_OTHER_SPACING);
            client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(OTHER_BODY);
        });
        verify(exchanges, org.mockito.Mockito.times(3)).record(any(), any(), eq("k-1"), fingerprints.capture());
        assertThat(fingerprints.getAllValues().get(0)).isEqualTo(fingerprints.getAllValues().get(1))
                .isNotEqualTo(fingerprints.getAllValues().get(2));
    }

    @Test
    void a_replayed_answer_is_the_first_one_and_says_so() {
        when(exchanges.record(any(), any(), anyString(), anyString()))
                .thenReturn(new Recorded(ExchangeRoutesTest.stored(1), true));
        api(client -> {
            Reply again = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                    .json(ExchangeRoutesTest.BODY);

            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Location")).endsWith("/" + ExchangeRoutesTest.stored(1).id().value());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        });
    }

    @Test
    void the_same_key_with_another_request_is_422() {
        when(exchanges.record(any(), any(), anyString(), anyString()))
                .thenThrow(InvalidRecord.of("", "this Idempotency-Key was already used with another request"));
        api(client -> assertThat(client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1")
                .json(OTHER_BODY).status()).isEqualTo(422));
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
}

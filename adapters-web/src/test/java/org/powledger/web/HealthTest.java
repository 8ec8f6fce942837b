package org.powledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.powledger.domain.port.in.CheckingHealth.Health;

class HealthTest extends ApiTest {

    @Test
    void health_is_200_up_with_store_and_version() {
        when(health.check()).thenReturn(new Health(true, "sqlite", "ignored"));
        api(client -> {
            Reply reply = client.get("/health").send();

            assertThat(reply.status()).isEqualTo(200);
            JsonNode json = reply.json();
            assertThat(json.fieldNames()).toIterable().containsExactly("status", "store", "version");
            assertThat(json.get("status").asText()).isEqualTo("up");
            assertThat(json.get("store").asText()).isEqualTo("sqlite");
            assertThat(json.get("version").asText()).isEqualTo("1.2.3");
        });
    }

    @Test
    void unreachable_store_is_503_down() {
        when(health.check()).thenReturn(new Health(false, "sqlite", "1.2.3"));
        api(client -> {
            Reply reply = client.get("/health").send();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("status").asText()).isEqualTo("down");
        });
    }

    @Test
    void a_failing_check_is_503_down_not_500() {
        when(health.check()).thenThrow(new IllegalStateException("no connection"));
        api(client -> {
            Reply reply = client.get("/health").send();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("status").asText()).isEqualTo("down");
        });
    }
}

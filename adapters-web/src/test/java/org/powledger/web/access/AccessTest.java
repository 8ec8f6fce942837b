package org.powledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.UnitId;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

class AccessTest extends ApiTest {

    static final String BODY = "{\"name\": \"Armed Forces of Ukraine\"}";

    @Test
    void write_without_token_is_401() {
        api(client -> {
            Reply reply = client.put("/api/v1/units/afu").noToken().json(BODY);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        });
        verifyNoInteractions(units);
    }

    @Test
    void write_with_unknown_token_is_401() {
        api(client -> {
            Reply reply = client.put("/api/v1/units/afu").token("revoked").json(BODY);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
        });
    }

    @Test
    void authorization_that_is_not_bearer_is_401() {
        api(client -> assertThat(client.delete("/api/v1/units/afu").header("Authorization", "Basic YTpi").send()
                .status()).isEqualTo(401));
    }

    @Test
    void write_with_a_read_token_is_403() {
        api(client -> {
            Reply reply = client.delete("/api/v1/exchanges/ex_1").token("reader").send();

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void an_admin_token_may_write() {
        api(client -> assertThat(client.delete("/api/v1/units/afu").token("admin").send().status()).isEqualTo(204));
        verify(units).delete(UnitId.of("afu"), ADA);
    }

    @Test
    void the_writer_is_the_actor_of_the_write() {
        api(client -> client.delete("/api/v1/reports/rp_1").send());
        verify(reports).delete(any(), eq(ALICE));
    }

    @Test
    void reads_are_open_by_default() {
        when(units.list(any())).thenReturn(new Page<>(List.of(), null));
        api(client -> assertThat(client.get("/api/v1/units").send().status()).isEqualTo(200));
    }

    @Test
    void a_read_with_an_unknown_token_is_401() {
        api(client -> assertThat(client.get("/api/v1/units").token("nonsense").send().status()).isEqualTo(401));
    }

    @Nested
    class WhenReadsNeedAToken extends ApiTest {

        @Override
        protected WebSettings settings() {
            return new WebSettings(true, "1.2.3");
        }

        @Test
        void read_without_token_is_401() {
            api(client -> {
                Reply reply = client.get("/api/v1/exchanges").send();

                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            });
            verifyNoInteractions(exchanges);
        }

        @Test
        void read_with_a_read_token_is_answered() {
            when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(), null));
            api(client -> assertThat(client.get("/api/v1/exchanges").token("reader").send().status())
                    .isEqualTo(200));
        }

        @Test
        void health_stays_open() {
            when(health.check()).thenReturn(new org.powledger.domain.port.in.CheckingHealth.Health(true, "sqlite",
                    "1.2.3"));
            api(client -> assertThat(client.get("/health").send().status()).isEqualTo(200));
        }
    }
}

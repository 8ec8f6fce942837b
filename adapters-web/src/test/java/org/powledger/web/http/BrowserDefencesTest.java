package org.powledger.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Page;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

/** What keeps a web page from using the operator's browser against the ledger: host names, CORS, headers. */
class BrowserDefencesTest extends ApiTest {

    private List<String> allowedHosts = List.of();
    private List<String> corsOrigins = List.of();

    @Override
    protected WebSettings settings() {
        return super.settings().withAllowedHosts(allowedHosts).withCorsOrigins(corsOrigins);
    }

    @BeforeEach
    void anEmptyLedger() {
        when(units.list(any())).thenReturn(new Page<>(List.of(), null));
    }

    // --- host names

    @Test
    void on_loopback_a_foreign_host_is_421_and_loopback_names_are_served() throws Exception {
        apiOn("127.0.0.1", client -> {
            Reply rebound = client.raw("GET /api/v1/units HTTP/1.1\r\nHost: evil.example:8080");
            assertThat(rebound.status()).isEqualTo(421);
            assertThat(rebound.header("Content-Type")).startsWith("application/problem+json");
            assertThat(rebound.json().get("status").asInt()).isEqualTo(421);
            assertThat(client.raw("GET / HTTP/1.1\r\nHost: evil.example").status()).as("the dashboard too")
                    .isEqualTo(421);
            for (String host : List.of("localhost", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "LOCALHOST")) {
                assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: " + host).status()).as(host)
                        .isEqualTo(200);
            }
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void allowed_hosts_are_served_on_loopback_too() throws Exception {
        allowedHosts = List.of("ledger.example.org");
        apiOn("127.0.0.1", client -> {
            assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: ledger.example.org").status()).isEqualTo(200);
            assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: ledger.example.org:443").status())
                    .isEqualTo(200);
            assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: evil.example").status()).isEqualTo(421);
        });
    }

    @Test
    void on_other_addresses_every_host_is_served_unless_allowed_hosts_are_given() throws Exception {
        apiOn("0.0.0.0", client -> assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: anything.example")
                .status()).isEqualTo(200));
        allowedHosts = List.of("ledger.example.org");
        apiOn("0.0.0.0", client -> {
            assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: anything.example").status()).isEqualTo(421);
            assertThat(client.raw("GET /api/v1/units HTTP/1.1\r\nHost: ledger.example.org").status()).isEqualTo(200);
        });
    }

    // --- cross-origin use

    @Test
    void cross_origin_use_is_off_by_default() {
        api(client -> {
            Reply read = client.get("/api/v1/units").header("Origin", "https://app.example").send();
            assertThat(read.header("Access-Control-Allow-Origin")).isNull();

            Reply preflight = preflight(client, "https://app.example");
            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.contentType()).startsWith("application/problem+json");
            assertThat(preflight.json().get("detail").asText()).contains("--cors-origin");
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        });
    }

    @Test
    void a_named_origin_gets_its_preflight_answered_and_the_headers_it_needs_exposed() {
        corsOrigins = List.of("https://app.example");
        api(client -> {
            Reply preflight = preflight(client, "https://app.example");
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
            assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type",
                    "If-Match", "If-None-Match", "Idempotency-Key");

            Reply read = client.get("/api/v1/units").header("Origin", "https://app.example").send();
            assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
            assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Link",
                    "Idempotent-Replayed");

            assertThat(preflight(client, "https://other.example").status()).isEqualTo(403);
            assertThat(client.get("/api/v1/units").header("Origin", "https://other.example").send()
                    .header("Access-Control-Allow-Origin")).isNull();
        });
        verifyNoInteractions(exchanges);
    }

    private static Reply preflight(Client client, String origin) {
        return client.call("OPTIONS", "/api/v1/exchanges").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").send();
    }

    // --- headers on every answer

    @Test
    void every_answer_says_nosniff() {
        api(client -> {
            for (Reply reply : List.of(client.get("/api/v1/units").send(), client.get("/").send(),
                    client.get("/api/v1/nothing").send(), client.get("/api/v1/exchanges?limit=0").send(),
                    client.post("/api/v1/exchanges").noToken().json("{}"))) {
                assertThat(reply.header("X-Content-Type-Options")).as("%s", reply.status()).isEqualTo("nosniff");
            }
        });
    }

    @Test
    void an_answer_to_a_request_with_a_token_is_not_stored() {
        api(client -> {
            assertThat(client.get("/api/v1/units").token("reader").send().header("Cache-Control"))
                    .isEqualTo("no-store");
            assertThat(client.get("/").token("reader").send().header("Cache-Control")).isEqualTo("no-store");
            assertThat(client.get("/api/v1/units").token("nobody").send().header("Cache-Control"))
                    .as("a refused token too").isEqualTo("no-store");
            assertThat(client.get("/api/v1/units").send().header("Cache-Control")).as("no token")
                    .isNotEqualTo("no-store");
        });
    }
}

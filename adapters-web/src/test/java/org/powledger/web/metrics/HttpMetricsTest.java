package org.powledger.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CheckingHealth.Health;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

class HttpMetricsTest extends ApiTest {

    private PrometheusMeterRegistry registry;
    private boolean requireReadToken;
    private boolean withMetrics = true;
    private Runnable beforeScrape = () -> { };

    @BeforeEach
    void newRegistry() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Override
    protected WebSettings settings() {
        WebSettings settings = new WebSettings(requireReadToken, "1.2.3");
        return withMetrics ? settings.withMetrics(new HttpMetrics(registry, beforeScrape)) : settings;
    }

    @Test
    void metrics_are_prometheus_text() {
        api(client -> {
            Reply reply = client.get("/metrics").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        });
    }

    @Test
    void what_is_bound_before_a_scrape_is_in_that_scrape() {
        beforeScrape = () -> registry.gauge("bound_late", 42);
        api(client -> {
            assertThat(registry.find("bound_late").gauge()).isNull();

            assertThat(client.get("/metrics").send().body()).contains("bound_late 42.0");
        });
    }

    @Test
    void requests_are_counted_per_route_template_method_and_status() {
        when(units.get(UnitId.of("tro"))).thenReturn(new Versioned<>(LedgerFixtures.TRO, 1, CREATED, UPDATED));
        when(units.get(UnitId.of("nobody"))).thenThrow(new NotFound("unit", "nobody"));
        api(client -> {
            client.get("/api/v1/units/tro").send();
            client.get("/api/v1/units/tro").send();
            client.get("/api/v1/units/nobody").send();

            String metrics = client.get("/metrics").send().body();

            assertThat(series(metrics, "http_server_requests_seconds_count", "GET", "/api/v1/units/{id}", "200"))
                    .isEqualTo(2.0);
            assertThat(series(metrics, "http_server_requests_seconds_count", "GET", "/api/v1/units/{id}", "404"))
                    .isEqualTo(1.0);
            assertThat(metrics).contains("http_server_requests_seconds_bucket{").contains("le=\"0.005\"")
                    .contains("http_server_requests_seconds_sum{")
                    .doesNotContain("/api/v1/units/tro").doesNotContain("/api/v1/units/nobody");
        });
    }

    @Test
    void paths_no_route_matches_share_one_series() {
        api(client -> {
            for (String path : List.of("/nothing", "/nothing/here", "/api/v1/nope/1", "/api/v1/nope/2")) {
                assertThat(client.get(path).send().status()).isEqualTo(404);
            }

            String metrics = client.get("/metrics").send().body();

            assertThat(series(metrics, "http_server_requests_seconds_count", "GET", "NOT_FOUND", "404"))
                    .isEqualTo(4.0);
            assertThat(metrics).doesNotContain("nothing").doesNotContain("nope");
        });
    }

    @Test
    void a_method_the_route_does_not_take_is_one_unmatched_series() {
        api(client -> {
            assertThat(client.post("/health").send().status()).isEqualTo(405);

            String metrics = client.get("/metrics").send().body();

            assertThat(series(metrics, "http_server_requests_seconds_count", "POST", "UNMATCHED", "405"))
                    .isEqualTo(1.0);
        });
    }

    @Test
    void a_head_request_never_names_a_wildcard_route() {
        when(health.check()).thenReturn(new Health(true, "memory", "1"));
        api(client -> {
            client.call("HEAD", "/health").send();

            String metrics = client.get("/metrics").send().body();

            assertThat(metrics).contains("method=\"HEAD\"").doesNotContain("uri=\"*\"");
        });
    }

    @Test
    void metrics_need_a_read_token_when_reads_do() {
        requireReadToken = true;
        api(client -> {
            assertThat(client.get("/metrics").send().status()).isEqualTo(401);
            assertThat(client.get("/metrics").token("reader").send().status()).isEqualTo(200);
        });
    }

    @Test
    void no_metrics_configured_means_no_metrics_route() {
        withMetrics = false;
        api(client -> assertThat(client.get("/metrics").send().status()).isEqualTo(404));
    }

    /** The value of one series, or null when there is none; tags in the order Micrometer writes them (alphabetical). */
    static Double series(String metrics, String name, String method, String uri, String status) {
        String prefix = name + "{method=\"" + method + "\",outcome=\"" + outcome(status) + "\",status=\"" + status
                + "\",uri=\"" + uri + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).map(line -> Double.valueOf(line.substring(prefix.length())))
                .findFirst().orElse(null);
    }

    private static String outcome(String status) {
        return switch (status.charAt(0)) {
            case '2' -> "SUCCESS";
            case '4' -> "CLIENT_ERROR";
            default -> "SERVER_ERROR";
        };
    }
}

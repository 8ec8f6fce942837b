package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the real server: Prometheus text with requests per route template, the
 * SQLite store's connection pools and the JVM.
 */
class MetricsEndToEndTest {

    private static final String UNIT_ROUTE = "/api/v1/units/{id}";

    @Test
    void requests_are_counted_per_route_template_not_per_path(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"))) {
            api.put("/api/v1/units/afu", "{\"name\": \"Armed Forces of Ukraine\"}").send().expect(201);
            api.put("/api/v1/units/nsu", "{\"name\": \"National Guard of Ukraine\"}").send().expect(201);
            api.get("/api/v1/units/afu").send().expect(200);
            api.get("/api/v1/units/nsu").send().expect(200);
            api.get("/api/v1/units/afu").send().expect(200);
            api.get("/api/v1/units/unknown").send().problem(404);

            String metrics = scrape(api);

            assertThat(count(metrics, "PUT", UNIT_ROUTE, 201)).isEqualTo(2);
            assertThat(count(metrics, "GET", UNIT_ROUTE, 200)).isEqualTo(3);
            assertThat(count(metrics, "GET", UNIT_ROUTE, 404)).isEqualTo(1);
            assertThat(metrics).contains("http_server_requests_seconds_sum{method=\"GET\",outcome=\"SUCCESS\","
                    + "status=\"200\",uri=\"" + UNIT_ROUTE + "\"}");
            assertThat(metrics).contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\","
                            + "status=\"200\",uri=\"" + UNIT_ROUTE + "\",le=\"0.1\"}")
                    .contains("uri=\"" + UNIT_ROUTE + "\",le=\"+Inf\"} 3")
                    .doesNotContain("/api/v1/units/afu").doesNotContain("/api/v1/units/unknown");
        }
    }

    @Test
    void paths_no_route_matches_do_not_make_a_series_each(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"))) {
            for (int i = 0; i < 5; i++) {
                api.get("/api/v1/probe-" + i).send().problem(404);
            }

            String metrics = scrape(api);

            assertThat(count(metrics, "GET", "NOT_FOUND", 404)).isEqualTo(5);
            assertThat(metrics).doesNotContain("probe-");
        }
    }

    @Test
    void both_sqlite_pools_are_reported(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"))) {
            String metrics = scrape(api);

            assertThat(metrics).contains("hikaricp_connections_max{pool=\"powledger-sqlite-read\"} 4")
                    .contains("hikaricp_connections_max{pool=\"powledger-sqlite-write\"} 1")
                    .contains("hikaricp_connections_active{pool=\"powledger-sqlite-read\"}")
                    .contains("hikaricp_connections_pending{pool=\"powledger-sqlite-write\"}")
                    .contains("hikaricp_connections_acquire_seconds_count{pool=\"powledger-sqlite-read\"}");
        }
    }

    @Test
    void the_jvm_is_reported() {
        try (LiveServer api = LiveServer.start(Path.of("memory:"))) {
            String metrics = scrape(api);

            assertThat(metrics).contains("jvm_memory_used_bytes{").contains("jvm_gc_")
                    .contains("jvm_threads_live_threads ").contains("jvm_classes_loaded_classes ")
                    .contains("system_cpu_count ").contains("process_uptime_seconds ")
                    .contains("jvm_info{");
        }
    }

    @Test
    void the_in_memory_store_has_no_pool_metrics() {
        try (LiveServer api = LiveServer.start(Path.of("memory:"))) {
            assertThat(scrape(api)).doesNotContain("hikaricp_");
        }
    }

    @Test
    void metrics_need_a_read_token_when_reads_do_and_health_stays_open(@TempDir Path dir) {
        try (LiveServer api = LiveServer.start(dir.resolve("ledger.db"), true)) {
            api.get("/metrics").send().problem(401);
            api.get("/health").send().expect(200);
            assertThat(api.get("/metrics").token(api.writer).send().expect(200).body())
                    .contains("http_server_requests_seconds_count");
        }
    }

    private static String scrape(LiveServer api) {
        LiveServer.Reply reply = api.get("/metrics").send().expect(200);
        assertThat(reply.contentType()).startsWith("text/plain; version=0.0.4");
        return reply.body();
    }

    /** How many requests one series counted; 0 when the series does not exist. */
    private static long count(String metrics, String method, String uri, int status) {
        String outcome = status < 300 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
        String prefix = "http_server_requests_seconds_count{method=\"" + method + "\",outcome=\"" + outcome
                + "\",status=\"" + status + "\",uri=\"" + uri + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(prefix.length()))).sum();
    }
}

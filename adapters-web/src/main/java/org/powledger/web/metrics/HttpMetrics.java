package org.powledger.web.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.powledger.web.http.RouteTemplate;

/**
 * What the server measures about its HTTP traffic, and {@code GET /metrics}, which serves everything
 * the registry holds (HTTP, store pool, JVM) in the Prometheus text format.
 *
 * <p>Every answered request is timed into {@value #REQUESTS} (Prometheus:
 * {@code http_server_requests_seconds_count}, {@code _sum}, {@code _bucket}) tagged with
 * {@code method}, {@code uri}, {@code status} and {@code outcome}. {@code uri} is the route
 * <em>template</em> ({@code /api/v1/exchanges/{id}}), never the path asked for, so that the number of
 * series stays bounded whatever clients send: a path no route matches is {@value #NOT_FOUND} (or
 * {@value #UNMATCHED} for another refusal such as 405). The time is Javalin's own, from the start of
 * the request to the last byte of the response written, streamed exports included.
 *
 * <p>{@code /metrics} is a read like any other: open by default, closed by {@code --require-read-token}
 * (a Prometheus scrape job then sends the token). It carries no ledger data, only counts and timings.
 */
public final class HttpMetrics {

    public static final String PATH = "/metrics";
    static final String REQUESTS = "http.server.requests";
    static final String NOT_FOUND = RouteTemplate.NOT_FOUND;
    static final String UNMATCHED = RouteTemplate.UNMATCHED;

    /** The exposition format {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency buckets for {@code histogram_quantile}: few enough to keep every route's series cheap. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry;
    /** The timer of each method, route template and status seen: building one per request cost more than the look-up. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    /** What tags one timer: few, as route templates and statuses are. */
    private record Series(String method, String uri, int status) {
    }

    private final Runnable beforeScrape;

    /**
     * Metrics served from {@code registry}, running {@code beforeScrape} before each scrape (meters bound
     * only once someone reads them).
     */
    public HttpMetrics(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.beforeScrape = Objects.requireNonNull(beforeScrape, "beforeScrape");
    }

    /**
     * Times every request and serves {@value #PATH}; called while the application is configured
     * ({@code Javalin.create(config -> ...)}); reading the metrics follows the access rule of reads
     * ({@link org.powledger.web.access.BearerAccess#admit}).
     */
    public void install(JavalinConfig config) {
        config.routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        beforeScrape.run();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TEXT_FORMAT).result(registry.scrape());
    }

    /** Times one answered request; Javalin's request logger calls it once the answer is written. */
    public void record(Context ctx, Float executionTimeMs) {
        timers.computeIfAbsent(new Series(ctx.method().name(), RouteTemplate.of(ctx), ctx.statusCode()), this::timer)
                .record(Math.round(executionTimeMs.doubleValue() * 1_000_000d), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests answered, by route template")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", outcome(series.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

}

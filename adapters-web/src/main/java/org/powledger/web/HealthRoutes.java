package org.powledger.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.powledger.domain.port.in.CheckingHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 {@code {"status": "up", ...}}, or 503 {@code "down"} when the store
 * cannot be reached (also when checking fails outright). Open to all, also when reads need a token,
 * so that a load balancer can ask.
 */
final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final CheckingHealth health;
    private final String version;

    HealthRoutes(CheckingHealth health, String version) {
        this.health = health;
        this.version = version;
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get("/health", this::check);
    }

    private void check(Context ctx) {
        boolean up;
        String store = null;
        String reported = null;
        try {
            CheckingHealth.Health result = health.check();
            up = result.up();
            store = result.store();
            reported = result.version();
        } catch (RuntimeException e) {
            LOG.warn("Health check failed", e);
            up = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("store", store);
        body.put("version", version != null ? version : reported);
        ctx.header("Cache-Control", "no-store");
        ctx.status(up ? 200 : 503).json(body);
    }
}

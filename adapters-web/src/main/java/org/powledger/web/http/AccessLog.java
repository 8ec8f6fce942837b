package org.powledger.web.http;

import io.javalin.http.Context;
import org.powledger.web.access.BearerAccess;
import org.powledger.web.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per answered request on the logger {@value #LOGGER}: the method, the route template
 * ({@code /api/v1/exchanges/{id}}: never the path asked for, so no id, query string or token in a URL
 * reaches the log), the status, the milliseconds, the name of the token the request was checked with
 * (never the token) and the request's correlation id. The fields are in the MDC while the line is
 * written, so that a JSON encoder writes them as an object; the text line is the message.
 */
public final class AccessLog {

    public static final String LOGGER = "access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** Writes the line of one answered request; Javalin calls it once the answer is written. */
    public void record(Context ctx, Float executionTimeMs) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String method = ctx.method().name();
        String route = RouteTemplate.of(ctx);
        String status = Integer.toString(ctx.statusCode());
        String millis = Long.toString(Math.round(executionTimeMs.doubleValue()));
        String token = BearerAccess.tokenName(ctx);
        String correlationId = CorrelationId.of(ctx);
        try (MDC.MDCCloseable m = MDC.putCloseable("method", method);
             MDC.MDCCloseable r = MDC.putCloseable("route", route);
             MDC.MDCCloseable s = MDC.putCloseable("status", status);
             MDC.MDCCloseable d = MDC.putCloseable("durationMs", millis);
             MDC.MDCCloseable t = MDC.putCloseable("tokenName", token);
             MDC.MDCCloseable c = MDC.putCloseable("correlationId", correlationId)) {
            LOG.info("{} {} {} {}ms token={} correlationId={}", method, route, status, millis, token, correlationId);
        }
    }
}

package org.powledger.web.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;
import org.powledger.web.correlation.CorrelationId;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemTypes;

/**
 * Cross-origin use, off unless {@code --cors-origin} names origins. A web app on a named origin may
 * call the API: its preflight is answered 204 with the methods and headers it may send, and every
 * answer lets it read the headers a client of this API needs. A preflight from any other origin is a
 * 403 problem that says so (a browser then refuses the call); a plain request from another origin is
 * answered without {@code Access-Control-Allow-Origin}, so the browser keeps the answer from the page.
 */
public final class CrossOrigin {

    static final String METHODS = "GET, HEAD, POST, PUT, DELETE";
    static final String HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key";
    static final String EXPOSED = "ETag, Location, Link, Idempotent-Replayed, " + CorrelationId.HEADER;

    private final Set<String> origins;

    public CrossOrigin(List<String> origins) {
        this.origins = Set.copyOf(origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList());
    }

    /** Before any handler (and before authentication: a preflight carries no token). */
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = ctx.method().equals(HandlerType.OPTIONS) && origin != null
                && ctx.header("Access-Control-Request-Method") != null;
        if (origin == null) {
            return;
        }
        if (!origins.contains(origin)) {
            if (preflight) {
                throw HttpProblem.of(403, ProblemTypes.CROSS_ORIGIN_REFUSED, "Forbidden",
                        origins.isEmpty()
                                ? "Cross-origin use is off; start the server with --cors-origin " + origin + " to allow it"
                                : "The origin " + origin + " may not call this API; allowed: " + String.join(", ",
                                origins.stream().sorted().toList()));
            }
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", METHODS);
            ctx.header("Access-Control-Allow-Headers", HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        } else {
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
        }
    }
}

package org.powledger.web.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route template a request matched ({@code /api/v1/exchanges/{id}}), for what is told about
 * requests (metrics, the access log): bounded, and free of ids and query strings. A path no route
 * matches is {@value #NOT_FOUND}; another refusal before any route (such as 405) is {@value #UNMATCHED}.
 */
public final class RouteTemplate {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNMATCHED = "UNMATCHED";
    private static final String ATTRIBUTE = RouteTemplate.class.getName();

    private RouteTemplate() {
    }

    /**
     * Before the matched handler runs, Javalin names the endpoint it matched; a request no endpoint
     * matched stays {@value #UNMATCHED} (or {@value #NOT_FOUND}).
     */
    public static void remember(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null && !matched.path.equals("*")) {
            ctx.attribute(ATTRIBUTE, matched.path);
        }
    }

    public static String of(Context ctx) {
        String template = ctx.attribute(ATTRIBUTE);
        if (template != null && !template.isEmpty()) {
            return template;
        }
        return ctx.statusCode() == 404 ? NOT_FOUND : UNMATCHED;
    }
}

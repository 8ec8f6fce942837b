package org.powledger.web.http;

import io.javalin.http.Context;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff}, so that no browser reads a
 * JSON or CSV answer as a page or a script; and, where the request carried a token, {@code
 * Cache-Control: no-store}, so that no cache keeps what only that token may read.
 */
public final class AnswerHeaders {

    private AnswerHeaders() {
    }

    /** Before any handler, so that problems and streamed answers carry them too. */
    public static void before(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        noStoreWhereATokenWasSent(ctx);
    }

    /** After the handlers: a route's own {@code Cache-Control} never outlives a token. */
    public static void after(Context ctx) {
        if (!ctx.res().isCommitted()) {
            noStoreWhereATokenWasSent(ctx);
        }
    }

    private static void noStoreWhereATokenWasSent(Context ctx) {
        if (ctx.header("Authorization") != null) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}

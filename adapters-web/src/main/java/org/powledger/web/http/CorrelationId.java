package org.powledger.web.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of one request, given before any handler runs and named in the answer's
 * {@value #HEADER} header, so that a line of the log and the answer a client kept can be matched.
 * (A minimal one, for the access log; the correlation id of problem+json answers builds on it.)
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {
    }

    /** Gives the request a new id and names it in the answer; a {@code before} handler of every path. */
    public static void assign(Context ctx) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; {@code -} for a request refused before any handler ran. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}

package org.powledger.web.correlation;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties one request's answer to what the server logged about it. Each request gets one
 * before any handler runs: a sane incoming {@value #HEADER} (a proxy's, so that both logs agree) or a
 * fresh one. It goes back as the {@value #HEADER} header and as {@code correlationId} in every
 * problem document; the access log reads it from here too.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = CorrelationId.class.getName();
    /** Short, printable, and safe in a log line or a header: nothing a client could use to forge log lines. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private CorrelationId() {
    }

    /** Before any handler: takes or makes the request's id and names it in the answer. */
    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; assigned on the spot if nothing did yet (a failure before the first handler). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }

    /** A new id, for answers given outside a request's handlers (Jetty's own refusals). */
    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}

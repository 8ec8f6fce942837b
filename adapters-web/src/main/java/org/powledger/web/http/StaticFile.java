package org.powledger.web.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the server's own pages (the dashboard, its script, its language files), served with
 * the same headers wherever it comes from: a Content-Security-Policy that allows this server only and
 * no inline script or style, {@code nosniff}, no referrer, and an {@code ETag} (a hash of the bytes)
 * that answers {@code If-None-Match} with 304.
 */
public record StaticFile(String path, String resource, String contentType, byte[] bytes, String etag) {

    /** What a page may load: this server only, nothing inline, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static StaticFile of(String path, String resource, String contentType, byte[] bytes) {
        return new StaticFile(path, resource, contentType, bytes, etag(bytes));
    }

    /** The classpath resource {@code resource} (e.g. {@code /dashboard/dashboard.js}), read whole. */
    public static byte[] read(String resource) {
        try (InputStream in = StaticFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The file " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file " + resource, e);
        }
    }

    /** Answers a GET or a HEAD with this file (HEAD: same headers, Jetty drops the body). */
    public void serve(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", etag);
        String known = ctx.header("If-None-Match");
        if (known != null && known.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(bytes);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", impossible);
        }
    }
}

package org.powledger.web.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a browser page (the dashboard, the editor): a classpath resource read once at start and
 * served at {@code path} with the page's security headers. The policy allows only this server and no
 * inline script or style, so nothing a page loads can reach another origin.
 */
public record PageFile(String path, String resource, String contentType, byte[] bytes, String etag) {

    /** The policy every page file is served with. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** Reads {@code resource} from the classpath; a missing file stops the server from starting. */
    public static PageFile load(String path, String resource, String contentType) {
        return of(path, resource, contentType, read(resource));
    }

    /**
     * A page's own script or style sheet, served at the path of its classpath resource, its type told
     * by its extension ({@code .js} or {@code .css}); a missing file stops the server from starting.
     */
    public static PageFile asset(String resource) {
        String contentType = resource.endsWith(".js") ? "text/javascript; charset=utf-8"
                : resource.endsWith(".css") ? "text/css; charset=utf-8" : null;
        if (contentType == null) {
            throw new IllegalArgumentException("not a script or a style sheet: " + resource);
        }
        return load(resource, resource, contentType);
    }

    /** A file made at start (a page rendered in one language) from {@code resource}. */
    public static PageFile of(String path, String resource, String contentType, byte[] bytes) {
        return new PageFile(path, resource, contentType, bytes, etag(bytes));
    }

    /** The classpath resource {@code resource} (e.g. {@code /dashboard/index.html}), read whole. */
    public static byte[] read(String resource) {
        try (InputStream in = PageFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The page file " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the page file " + resource, e);
        }
    }

    /** Serves this file at its path, for GET (and so for HEAD: see {@link HeadFromGet}). */
    public void register(JavalinDefaultRoutingApi app) {
        app.get(path, this::serve);
    }

    /** Answers with this file (or 304 when the client holds it), whatever the path that asked. */
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

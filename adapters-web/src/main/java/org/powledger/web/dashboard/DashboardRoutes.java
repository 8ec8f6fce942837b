package org.powledger.web.dashboard;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The read-only dashboard: {@code GET /} is one page ({@code text/html}) whose script and style sheet
 * are served under {@code /dashboard/}. The page holds no ledger data: its script reads the public
 * JSON API ({@code /api/v1/stats/...}, {@code /api/v1/exchanges}, {@code /api/v1/cohorts}) from the
 * browser, so it follows the API's read rules (with {@code --require-read-token} the page asks for a
 * read token and keeps it in {@code sessionStorage}). The page itself is open to all.
 *
 * <p>Every file is a classpath resource under {@code dashboard/}, read once at start. The page makes
 * no request to any other origin: {@link #CONTENT_SECURITY_POLICY} allows only this server, and no
 * inline script or style, so the script and the style sheet are files.
 */
public final class DashboardRoutes {

    /** Where the page and its files are served. */
    public static final String PAGE = "/";
    static final String ASSETS = "/dashboard/";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** One file of the dashboard: where it is served, which resource it is, as what. */
    record Asset(String path, String resource, String contentType, byte[] bytes, String etag) {
    }

    private final List<Asset> assets;

    public DashboardRoutes() {
        this.assets = List.of(
                load(PAGE, "index.html", "text/html; charset=utf-8"),
                load(ASSETS + "dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
                load(ASSETS + "dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"));
    }

    public void register(JavalinDefaultRoutingApi app) {
        for (Asset asset : assets) {
            app.get(asset.path(), ctx -> serve(ctx, asset));
            // Javalin answers a HEAD from a GET route without running it; this one has the GET's headers
            app.head(asset.path(), ctx -> serve(ctx, asset));
        }
    }

    /** The files served, in order: the page first. */
    List<Asset> assets() {
        return assets;
    }

    private static void serve(Context ctx, Asset asset) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        String known = ctx.header("If-None-Match");
        if (known != null && known.contains(asset.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static Asset load(String path, String name, String contentType) {
        String resource = "/dashboard/" + name;
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard file " + resource + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(path, resource, contentType, bytes, etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard file " + resource, e);
        }
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

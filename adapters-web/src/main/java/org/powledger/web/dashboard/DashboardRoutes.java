package org.powledger.web.dashboard;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.powledger.web.http.PageFile;

/**
 * The read-only dashboard: {@code GET /} is one page ({@code text/html}) whose script and style sheet
 * are served under {@code /dashboard/}. The page holds no ledger data: its script reads the public
 * JSON API ({@code /api/v1/stats/...}, {@code /api/v1/exchanges}, {@code /api/v1/cohorts}) from the
 * browser, so it follows the API's read rules (with {@code --require-read-token} the page asks for a
 * read token and keeps it in {@code sessionStorage}). The page itself is open to all.
 *
 * <p>Every file is a classpath resource under {@code dashboard/}, read once at start. The page makes
 * no request to any other origin: {@link PageFile#CONTENT_SECURITY_POLICY} allows only this server, and
 * no inline script or style, so the script and the style sheet are files.
 */
public final class DashboardRoutes {

    /** Where the page and its files are served. */
    public static final String PAGE = "/";
    static final String ASSETS = "/dashboard/";

    private final List<PageFile> assets;

    public DashboardRoutes() {
        this.assets = List.of(
                load(PAGE, "index.html", "text/html; charset=utf-8"),
                load(ASSETS + "dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
                load(ASSETS + "dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"));
    }

    public void register(JavalinDefaultRoutingApi app) {
        assets.forEach(asset -> asset.register(app));
    }

    /** The files served, in order: the page first. */
    List<PageFile> assets() {
        return assets;
    }

    private static PageFile load(String path, String name, String contentType) {
        return PageFile.load(path, "/dashboard/" + name, contentType);
    }
}

package org.powledger.web.dashboard;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import org.powledger.web.http.PageFile;
import org.powledger.web.i18n.LanguagePages;
import org.powledger.web.i18n.Languages;

/**
 * The read-only dashboard: {@code GET /} is one page ({@code text/html}) whose script and style sheet
 * are served under {@code /dashboard/}. The page holds no ledger data: its script reads the public
 * JSON API ({@code /api/v1/stats/...}, {@code /api/v1/exchanges}, {@code /api/v1/cohorts}) from the
 * browser, so it follows the API's read rules (with {@code --require-read-token} the page asks for a
 * read token and keeps it in {@code sessionStorage}). The page itself is open to all.
 *
 * <p>The page is rendered once per language at start, and each request gets the one its
 * {@code Accept-Language} prefers ({@code Vary: Accept-Language}); the words come from the language
 * files ({@link Languages}). Every file is a classpath resource under {@code dashboard/}. The page
 * makes no request to any other origin: {@link PageFile#CONTENT_SECURITY_POLICY} allows only this
 * server, and no inline script or style, so the script and the style sheet are files.
 */
public final class DashboardRoutes {

    /** Where the page and its files are served. */
    public static final String PAGE = "/";
    static final String ASSETS = "/dashboard/";
    static final String TEMPLATE = "/dashboard/index.html";

    private final LanguagePages pages;
    private final List<PageFile> assets;

    public DashboardRoutes(Languages languages) {
        this.pages = new LanguagePages(PAGE, TEMPLATE, languages);
        this.assets = List.of(PageFile.asset(ASSETS + "dashboard.css"), PageFile.asset(ASSETS + "dashboard.js"));
    }

    /** GET only: {@link org.powledger.web.http.HeadFromGet} answers HEAD from the same handlers. */
    public void register(JavalinDefaultRoutingApi app) {
        app.get(PAGE, pages::serve);
        assets.forEach(asset -> asset.register(app));
    }

    /** The page in each language, by language code. */
    Map<String, PageFile> pages() {
        return pages.byLanguage();
    }

    /** The page's own files (its script and style sheet). */
    List<PageFile> assets() {
        return assets;
    }
}

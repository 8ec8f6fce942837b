package org.powledger.web.editor;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import org.powledger.web.http.PageFile;
import org.powledger.web.i18n.LanguagePages;
import org.powledger.web.i18n.Languages;

/**
 * The editor: forms to add, correct and delete exchanges, units, cohorts and reports from a browser.
 * Every form has its own address ({@code /edit/exchanges/new}, {@code /edit/exchanges/{id}}, and the
 * same for units, cohorts and reports) and every one of them, like the index at {@code /edit}, is the
 * same page: its script reads {@code location.pathname} and builds the form. The page holds no ledger
 * data and no secret; the script reads and writes the public JSON API with the write token the person
 * pastes, kept in {@code sessionStorage} (the tab) only, so every rule of the API applies unchanged.
 *
 * <p>The page speaks the dashboard's languages from the same files ({@link Languages}, its words keyed
 * {@code editor.}), so a new language is a new file, not a change here: rendered once per language at
 * start, each request gets the one its {@code Accept-Language} prefers ({@code Vary: Accept-Language}).
 * The page, its script and style sheet are classpath resources under {@code editor/}, served with
 * {@link PageFile#CONTENT_SECURITY_POLICY}: no request reaches another origin, and no inline script or
 * style runs.
 */
public final class EditorRoutes {

    /** The index page; each form lives under it. */
    public static final String PAGE = "/edit";
    /** The records that have forms, named as in the API's paths. */
    static final List<String> KINDS = List.of("exchanges", "units", "cohorts", "reports");
    static final String ASSETS = "/editor/";
    static final String TEMPLATE = "/editor/index.html";

    private final LanguagePages pages;
    private final List<PageFile> assets;

    public EditorRoutes(Languages languages) {
        this.pages = new LanguagePages(PAGE, TEMPLATE, languages);
        this.assets = List.of(PageFile.asset(ASSETS + "editor.css"), PageFile.asset(ASSETS + "editor.js"));
    }

    /** GET only: {@link org.powledger.web.http.HeadFromGet} answers HEAD from the same handlers. */
    public void register(JavalinDefaultRoutingApi app) {
        app.get(PAGE, pages::serve);
        for (String kind : KINDS) {
            app.get(PAGE + "/" + kind + "/{id}", pages::serve);
        }
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

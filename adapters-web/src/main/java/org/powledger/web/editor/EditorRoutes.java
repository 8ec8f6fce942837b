package org.powledger.web.editor;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.stream.Stream;
import org.powledger.web.http.PageFile;

/**
 * The editor: forms to add, correct and delete exchanges, units, cohorts and reports from a browser.
 * Every form has its own address ({@code /edit/exchanges/new}, {@code /edit/exchanges/{id}}, and the
 * same for units, cohorts and reports) and every one of them, like the index at {@code /edit}, is the
 * same page: its script reads {@code location.pathname} and builds the form. The page holds no ledger
 * data and no secret; the script reads and writes the public JSON API with the write token the person
 * pastes, kept in {@code sessionStorage} (the tab) only, so every rule of the API applies unchanged.
 *
 * <p>The page, its script, style sheet and one file of words per language are classpath resources
 * under {@code editor/}, served with {@link PageFile#CONTENT_SECURITY_POLICY}: no request reaches
 * another origin, and no inline script or style runs.
 */
public final class EditorRoutes {

    /** The index page; each form lives under it. */
    public static final String PAGE = "/edit";
    /** The records that have forms, named as in the API's paths. */
    static final List<String> KINDS = List.of("exchanges", "units", "cohorts", "reports");
    static final String ASSETS = "/editor/";
    /** The languages the editor speaks, as in the dashboard: one file of words each. */
    static final List<String> LANGUAGES = List.of("en", "uk");

    private final PageFile page;
    private final List<PageFile> assets;

    public EditorRoutes() {
        this.page = load(PAGE, "index.html", "text/html; charset=utf-8");
        this.assets = List.of(
                load(ASSETS + "editor.css", "editor.css", "text/css; charset=utf-8"),
                load(ASSETS + "editor.js", "editor.js", "text/javascript; charset=utf-8"),
                load(ASSETS + "i18n/en.json", "i18n/en.json", "application/json; charset=utf-8"),
                load(ASSETS + "i18n/uk.json", "i18n/uk.json", "application/json; charset=utf-8"));
    }

    public void register(JavalinDefaultRoutingApi app) {
        page.register(app);
        for (String kind : KINDS) {
            String form = PAGE + "/" + kind + "/{id}";
            app.get(form, page::serve);
            app.head(form, page::serve);
        }
        assets.forEach(asset -> asset.register(app));
    }

    /** The files served: the page first. */
    List<PageFile> files() {
        return Stream.concat(Stream.of(page), assets.stream()).toList();
    }

    private static PageFile load(String path, String name, String contentType) {
        return PageFile.load(path, "/editor/" + name, contentType);
    }
}

package org.powledger.web.i18n;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powledger.web.http.PageFile;

/**
 * Serves what every page needs to speak the reader's language, under {@code /i18n/{file}}: the script
 * {@code i18n.js} and one strings file per language, {@code CODE.json}. One route for all of them, so
 * that a new language file needs no new route.
 */
public final class LanguageRoutes {

    static final String ROUTE = Languages.FOLDER + "{file}";

    private final Map<String, PageFile> files = new LinkedHashMap<>();

    public LanguageRoutes(Languages languages) {
        add(PageFile.asset(Languages.FOLDER + "i18n.js"));
        for (Language language : languages.all()) {
            String path = Languages.FOLDER + language.code() + ".json";
            add(PageFile.of(path, path, "application/json; charset=utf-8", language.file()));
        }
    }

    /** GET only: {@link org.powledger.web.http.HeadFromGet} answers HEAD from the same handler. */
    public void register(JavalinDefaultRoutingApi app) {
        app.get(ROUTE, this::serve);
    }

    /** The files served: the script first. */
    public List<PageFile> files() {
        return List.copyOf(files.values());
    }

    private void serve(Context ctx) {
        PageFile file = files.get(Languages.FOLDER + ctx.pathParam("file"));
        if (file == null) {
            throw new NotFoundResponse("No such file");
        }
        file.serve(ctx);
    }

    private void add(PageFile file) {
        files.put(file.path(), file);
    }
}

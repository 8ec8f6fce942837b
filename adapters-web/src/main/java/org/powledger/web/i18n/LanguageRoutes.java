package org.powledger.web.i18n;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import org.powledger.web.http.StaticFile;

/**
 * Serves what every page needs to speak the reader's language: the script {@code /i18n/i18n.js} and
 * one strings file per language, {@code /i18n/CODE.json}.
 */
public final class LanguageRoutes {

    private final List<StaticFile> files = new ArrayList<>();

    public LanguageRoutes(Languages languages) {
        String script = Languages.FOLDER + "i18n.js";
        files.add(StaticFile.of(script, script, "text/javascript; charset=utf-8", StaticFile.read(script)));
        for (Language language : languages.all()) {
            String path = Languages.FOLDER + language.code() + ".json";
            files.add(StaticFile.of(path, path, "application/json; charset=utf-8", language.file()));
        }
    }

    public void register(Javalin app) {
        for (StaticFile file : files) {
            app.get(file.path(), file::serve);
            // Javalin answers a HEAD from a GET route without running it; this one has the GET's headers
            app.head(file.path(), file::serve);
        }
    }

    /** The files served: the script first. */
    public List<StaticFile> files() {
        return files;
    }
}

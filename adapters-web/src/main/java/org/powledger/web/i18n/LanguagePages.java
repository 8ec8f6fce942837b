package org.powledger.web.i18n;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.powledger.web.http.PageFile;

/**
 * One page (the dashboard, the editor) rendered from its template once per language at start, and
 * answered in the language the request's {@code Accept-Language} prefers, with
 * {@code Vary: Accept-Language} so a cache keeps one copy per language. Every page that speaks the
 * reader's language chooses it here, so a new language file reaches them all.
 */
public final class LanguagePages {

    private final Languages languages;
    private final Map<String, PageFile> pages = new LinkedHashMap<>();

    /** The page served at path, from the classpath template (e.g. {@code /editor/index.html}). */
    public LanguagePages(String path, String template, Languages languages) {
        this.languages = languages;
        PageTemplate page = new PageTemplate(new String(PageFile.read(template), StandardCharsets.UTF_8));
        for (Language language : languages.all()) {
            pages.put(language.code(), PageFile.of(path, template, "text/html; charset=utf-8",
                    page.render(language, languages).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The page in each language, by language code. */
    public Map<String, PageFile> byLanguage() {
        return Map.copyOf(pages);
    }

    /** Answers with the page in the language the request prefers, whatever the path that asked. */
    public void serve(Context ctx) {
        ctx.header("Vary", "Accept-Language");
        pages.get(languages.choose(ctx.header("Accept-Language")).code()).serve(ctx);
    }
}

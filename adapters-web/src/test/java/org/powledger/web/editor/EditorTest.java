package org.powledger.web.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.powledger.web.PageChecks.assertSecurityHeaders;
import static org.powledger.web.PageChecks.normalised;
import static org.powledger.web.PageChecks.references;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.web.ApiTest;
import org.powledger.web.dashboard.ExternalReferences;
import org.powledger.web.http.PageFile;
import org.powledger.web.i18n.Languages;

/** The editor's page and files over real HTTP, with the ledger's ports mocked; its script read as text. */
class EditorTest extends ApiTest {

    static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8");
    static final ObjectMapper JSON = new ObjectMapper();
    /** A key the script asks for by name: {@code t('editor.save')}. */
    static final Pattern STATIC_KEY = Pattern.compile("t\\('(editor\\.[A-Za-z.]+[A-Za-z])'");
    /** A key the script composes: {@code t('editor.kind.' + kind)}. */
    static final Pattern COMPOSED_KEY = Pattern.compile("'(editor\\.[A-Za-z.]+\\.)' \\+");

    // --- every address under /edit is the page

    @ParameterizedTest
    @ValueSource(strings = {"/edit", "/edit/", "/edit/exchanges/new", "/edit/exchanges/ex_0123abc", "/edit/units/new",
            "/edit/units/afu", "/edit/cohorts/new", "/edit/cohorts/azovstal", "/edit/reports/new",
            "/edit/reports/rp_42"})
    void every_form_address_serves_the_one_page_with_a_strict_policy(String address) {
        api(client -> {
            String index = client.get("/edit").send().body();

            ApiTest.Reply reply = client.get(address).send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(normalised(reply.contentType())).isEqualTo("text/html; charset=utf-8");
            assertThat(reply.body()).startsWith("<!DOCTYPE html>").isEqualTo(index);
            assertSecurityHeaders(reply);
        });
    }

    @Test
    void an_address_naming_no_kind_of_record_is_not_the_editor() {
        api(client -> {
            assertThat(client.get("/edit/tokens/new").send().status()).isEqualTo(404);
            assertThat(client.get("/edit/exchanges").send().status()).isEqualTo(404);
        });
    }

    @Test
    void a_head_gets_the_headers_of_the_get_and_no_body() {
        api(client -> {
            ApiTest.Reply reply = client.call("HEAD", "/edit/exchanges/new").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEmpty();
            assertThat(normalised(reply.contentType())).isEqualTo("text/html; charset=utf-8");
            assertSecurityHeaders(reply);
        });
    }

    @Test
    void the_page_is_open_when_reads_need_a_token() {
        api(client -> {
            assertThat(client.get("/edit/units/new").noToken().send().status()).isEqualTo(200);
            assertThat(client.get("/editor/editor.js").noToken().send().status()).isEqualTo(200);
        });
    }

    @Test
    void every_file_the_page_references_is_served_with_its_content_type() {
        api(client -> {
            List<String> referenced = references(client.get("/edit").send().body());
            assertThat(referenced).contains("/editor/editor.css", "/editor/editor.js");

            for (String reference : referenced) {
                if (reference.startsWith("#") || reference.startsWith("data:")) {
                    continue;
                }
                assertThat(reference).as("a path on this server").startsWith("/").doesNotStartWith("//");
                ApiTest.Reply reply = client.get(reference).send();
                assertThat(reply.status()).as(reference).isEqualTo(200);
                String extension = reference.contains(".") ? reference.substring(reference.lastIndexOf('.') + 1)
                        : "html";
                assertThat(normalised(reply.contentType())).as(reference).isEqualTo(CONTENT_TYPES.get(extension));
            }
        });
    }

    @Test
    void every_editor_file_is_served_and_nothing_else_is_under_editor() throws Exception {
        EditorRoutes routes = new EditorRoutes(Languages.load());
        Set<String> used = Stream.concat(routes.pages().values().stream(), routes.assets().stream())
                .map(PageFile::resource).collect(Collectors.toSet());

        assertThat(resourceFiles()).map(name -> "/editor/" + name).containsExactlyInAnyOrderElementsOf(used);
        api(client -> {
            for (PageFile file : routes.assets()) {
                ApiTest.Reply reply = client.get(file.path()).send();
                assertThat(reply.status()).as(file.path()).isEqualTo(200);
                assertSecurityHeaders(reply);
            }
            assertThat(client.get("/editor/index.html").send().status()).isEqualTo(404);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en"})
    void the_page_speaks_the_language_the_browser_asks_for(String language) throws IOException {
        Map<String, String> words = words(language);
        api(client -> {
            ApiTest.Reply reply = client.get("/edit/exchanges/new").header("Accept-Language", language + ";q=0.9")
                    .send();

            assertThat(reply.header("Vary")).contains("Accept-Language");
            assertThat(reply.body()).contains("<html lang=\"" + language + "\">",
                    "<title data-i18n=\"editor.title\">" + words.get("editor.title") + "</title>",
                    ">" + words.get("editor.token.label") + "</label>", "data-language=\"uk\"", "data-language=\"en\"");
        });
    }

    @Test
    void an_unchanged_file_is_304_not_modified() {
        api(client -> {
            String etag = client.get("/editor/editor.js").send().header("ETag");

            ApiTest.Reply again = client.get("/editor/editor.js").header("If-None-Match", etag).send();

            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        });
    }

    // --- nothing leaves this server, nothing runs inline

    @Test
    void no_editor_file_refers_to_another_origin() throws Exception {
        for (String name : resourceFiles()) {
            assertThat(ExternalReferences.in(resource(name))).as(name).isEmpty();
        }
    }

    @Test
    void the_page_has_no_inline_script_style_or_handler() {
        String page = resource("index.html");

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\sstyle\\s*=")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }

    @Test
    void the_script_never_writes_markup_from_strings() {
        assertThat(resource("editor.js")).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(", "new Function", ".style.");
    }

    @Test
    void the_token_is_asked_for_in_a_field_named_token_and_kept_in_the_tab_only() {
        String page = resource("index.html");
        String script = resource("editor.js");

        assertThat(page).contains("name=\"token\" type=\"password\"", "<label for=\"token-input\"");
        assertThat(script).contains("sessionStorage.setItem(TOKEN_KEY").doesNotContain("localStorage", "document.cookie");
    }

    @Test
    void the_dashboard_links_records_for_the_holder_of_the_editor_token() {
        String editor = resource("editor.js");
        String dashboard = dashboardScript();

        assertThat(editor).contains("const TOKEN_KEY = 'powledger.writeToken';");
        assertThat(dashboard).contains("const EDIT_TOKEN_KEY = 'powledger.writeToken';",
                "'/edit/' + kind + '/' + encodeURIComponent(id)", "editLink('exchanges', x.id)",
                "editLink('units', u.unit)", "editLink('cohorts', f.cohort)", "editLink('reports', i.report)");
    }

    // --- two languages, the same words

    @Test
    void both_languages_have_the_editors_words_and_the_ukrainian_ones_are_ukrainian() throws IOException {
        Map<String, String> english = editorWords("en");
        Map<String, String> ukrainian = editorWords("uk");

        assertThat(english).hasSizeGreaterThan(100);
        assertThat(ukrainian.keySet()).isEqualTo(english.keySet());
        assertThat(ukrainian.values()).noneMatch(String::isBlank);
        List<String> untranslated = ukrainian.keySet().stream()
                .filter(key -> !ukrainian.get(key).matches("(?s).*[А-Яа-яІіЇїЄєҐґ].*")).toList();
        assertThat(untranslated).as("Ukrainian words without a Ukrainian letter").isEmpty();
    }

    @Test
    void every_word_the_page_and_script_ask_for_exists() throws IOException {
        Set<String> known = editorWords("en").keySet();
        String script = resource("editor.js");
        Set<String> asked = new TreeSet<>(matches(STATIC_KEY, script));
        asked.addAll(matches(Pattern.compile("data-i18n=\"([^\"]+)\""), resource("index.html")));
        asked.addAll(matches(Pattern.compile("data-i18n-attr=\"[a-z-]+:([^\";]+)\""), resource("index.html")));

        assertThat(asked).hasSizeGreaterThan(40);
        assertThat(known).containsAll(asked);
        for (String prefix : matches(COMPOSED_KEY, script)) {
            assertThat(known).as("some word begins " + prefix).anyMatch(key -> key.startsWith(prefix));
        }
        for (String kind : EditorRoutes.KINDS) {
            for (String prefix : List.of("editor.kind.", "editor.new.", "editor.edit.", "editor.delete.title.",
                    "editor.delete.effect.", "editor.deleted.")) {
                assertThat(known).contains(prefix + kind);
            }
        }
    }

    @Test
    void every_api_message_the_script_translates_has_its_words() throws IOException {
        Set<String> known = editorWords("uk").keySet();
        List<String> translated = matches(Pattern.compile("/, '(editor\\.api\\.\\w+)'\\]"), resource("editor.js"));

        assertThat(translated).hasSizeGreaterThan(20);
        assertThat(known).containsAll(translated);
    }

    // --- helpers

    static List<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }

    /** The words of a language file whose keys begin {@code editor.}. */
    static Map<String, String> editorWords(String language) throws IOException {
        Map<String, String> words = words(language);
        words.keySet().removeIf(key -> !key.startsWith("editor."));
        return words;
    }

    static Map<String, String> words(String language) throws IOException {
        JsonNode words = JSON.readTree(read("/i18n/" + language + ".json"));
        Map<String, String> map = new java.util.LinkedHashMap<>();
        words.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static String resource(String name) {
        return read("/editor/" + name);
    }

    static String dashboardScript() {
        return read("/dashboard/dashboard.js");
    }

    private static String read(String path) {
        try (var in = EditorRoutes.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every file under {@code editor/}, as paths relative to it. */
    static List<String> resourceFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(EditorRoutes.class.getResource("/editor/").toURI());
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}

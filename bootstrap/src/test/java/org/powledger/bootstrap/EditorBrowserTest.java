package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor at {@code /edit} driven in a real headless Chromium, in each of its languages, on the
 * real server and store; every result is checked through the JSON API, not on the page alone.
 *
 * <p>Without Chromium and chromedriver the test is skipped with a message saying so; under
 * {@code CI=true} their absence fails it, so continuous integration can never pass without it.
 */
class EditorBrowserTest {

    /** Where the screenshot of a refused exchange form is kept for people to look at. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The WebDriver code of the Enter key. */
    static final String ENTER = "\uE007";

    @TempDir
    static Path dir;
    static LiveServer api;
    static Browser.Installation chromium;

    @BeforeAll
    static void start() {
        Optional<Browser.Installation> found = Browser.Installation.find();
        if (found.isEmpty()) {
            String message = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver, "
                    + "or set CHROMIUM and CHROMEDRIVER): the editor's browser test cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + ", and CI=true requires it");
            }
            Assumptions.abort(message);
        }
        chromium = found.get();
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("tro", "Territorial Defence Forces", "afu");
        api.cohort("azovstal", "Azovstal garrison", 2500);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"uk", "en"})
    void an_exchange_is_added_refused_at_its_field_corrected_and_not_overwritten_when_stale(String language)
            throws IOException {
        Map<String, String> words = words(language);
        try (Browser browser = Browser.start(chromium, language)) {
            browser.open(page("/edit/exchanges/new"));
            signIn(browser);
            assertThat(browser.script("return document.documentElement.lang").asText()).isEqualTo(language);
            assertThat(browser.text(browser.find("#record button[type=submit]"))).isEqualTo(words.get("editor.save"));

            setDate(browser, "date", "2024-12-30");
            browser.type(field(browser, "returned"), "100");
            choose(browser, "breakdown/0/unit", "tro");
            browser.type(field(browser, "breakdown/0/count"), "70");
            browser.type(field(browser, "sources/0/url"), "ftp://example.org/statement");
            browser.type(field(browser, "sources/0/title"), "Statement " + language);

            assertThat(browser.findAll("[name='breakdown/1/unit']")).as("an empty line after the one typed").hasSize(1);
            assertThat(browser.findAll("[name='sources/1/url']")).as("an empty source after the one typed").hasSize(1);
            assertThat(browser.text(browser.find("#breakdown-sum")))
                    .isEqualTo(say(words, "editor.sum.within", "sum", "70", "returned", "100", "rest", "30"));

            browser.click(browser.find("#record button[type=submit]"));

            // refused: the value is marked at its field, focused, with its message; nothing typed is lost
            String url = field(browser, "sources/0/url");
            Browser.waitUntil("the refused link marked", () -> "true".equals(browser.attribute(url, "aria-invalid")));
            String described = browser.attribute(url, "aria-describedby");
            String message = browser.script("return arguments[0].split(' ').map(id => document.getElementById(id))"
                    + ".filter(n => n && n.classList.contains('field-problem')).map(n => n.textContent).join('|')",
                    described).asText();
            assertThat(message).isEqualTo(words.get("editor.api.httpUrl"));
            assertThat(browser.attribute(browser.active(), "name")).isEqualTo("sources/0/url");
            assertThat(browser.property(url, "value")).isEqualTo("ftp://example.org/statement");
            assertThat(browser.property(field(browser, "returned"), "value")).isEqualTo("100");
            assertThat(browser.property(field(browser, "breakdown/0/unit"), "value")).isEqualTo("tro");
            assertThat(browser.property(field(browser, "breakdown/0/count"), "value")).isEqualTo("70");
            assertThat(browser.property(field(browser, "sources/0/title"), "value")).isEqualTo("Statement " + language);
            assertThat(api.get("/api/v1/exchanges?q=statement").send().expect(200).json().at("/items").toString())
                    .as("nothing stored by a refused save").doesNotContain("Statement " + language);
            if (language.equals("uk")) {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve("editor-exchange-problem-uk.png"), browser.screenshot());
            }

            // corrected: saved, and the page shows the stored record at its own address
            browser.clear(url);
            browser.type(url, "https://example.org/statement");
            browser.click(browser.find("#record button[type=submit]"));
            Browser.waitUntil("the page at the new record's address",
                    () -> browser.url().matches(".*/edit/exchanges/[^/]+$") && !browser.url().endsWith("/new"));
            String id = browser.url().substring(browser.url().lastIndexOf('/') + 1);
            JsonNode stored = api.get("/api/v1/exchanges/" + id).send().expect(200).json();
            assertThat(stored.get("returned").asInt()).isEqualTo(100);
            assertThat(stored.at("/breakdown/0/unit").asText()).isEqualTo("tro");
            assertThat(stored.at("/breakdown/0/count").asInt()).isEqualTo(70);
            assertThat(stored.get("breakdown")).as("the empty line is not sent").hasSize(1);
            assertThat(stored.at("/sources/0/url").asText()).isEqualTo("https://example.org/statement");
            assertThat(stored.get("sources")).as("the empty source is not sent").hasSize(1);
            assertThat(browser.text(browser.find("#address"))).contains("/api/v1/exchanges/" + id);

            // a correction: a new version, the history lists both
            String returned = field(browser, "returned");
            browser.clear(returned);
            browser.type(returned, "120");
            browser.click(browser.find("#record button[type=submit]"));
            Browser.waitUntil("version 2 stored", () -> api.get("/api/v1/exchanges/" + id).send().json()
                    .get("version").asInt() == 2);
            assertThat(api.get("/api/v1/exchanges/" + id).send().json().get("returned").asInt()).isEqualTo(120);
            Browser.waitUntil("two versions in the history", () -> browser.findAll("#history ol.history > li").size() == 2);
            assertThat(browser.text(browser.find("#history"))).contains("100", "120");

            // stale: someone else saves meanwhile; the browser's save is refused and overwrites nothing
            String notes = field(browser, "notes");
            browser.type(notes, "typed in the browser");
            api.put("/api/v1/exchanges/" + id, stored.toString().replace("\"returned\":100", "\"returned\":130"))
                    .header("If-Match", "\"2\"").send().expect(200);
            browser.click(browser.find("#record button[type=submit]"));
            String notice = browser.find("#notice.stale");
            Browser.waitUntil("the stale notice lists what changed", () -> browser.text(notice).contains("130"));
            assertThat(browser.text(notice)).contains(words.get("editor.stale.title"), words.get("editor.field.returned"),
                    "120", "130", "writer");
            assertThat(browser.property(notes, "value")).isEqualTo("typed in the browser");
            JsonNode after = api.get("/api/v1/exchanges/" + id).send().json();
            assertThat(after.get("returned").asInt()).isEqualTo(130);
            assertThat(after.get("notes").isNull()).as("the stale save wrote nothing").isTrue();
            assertThat(after.get("version").asInt()).isEqualTo(3);

            browser.click(browser.find("#reload"));
            Browser.waitUntil("the stored record loaded",
                    () -> "130".equals(browser.property(field(browser, "returned"), "value")));
            assertThat(browser.property(field(browser, "notes"), "value")).isEmpty();
            assertNoOtherOrigin(browser);

            // the dashboard, in the same tab that holds the token, links the record to its form
            browser.open(page("/"));
            browser.click(browser.find("a.edit[href='/edit/exchanges/" + id + "']"));
            Browser.waitUntil("the form opened from the dashboard", () -> browser.url().endsWith("/edit/exchanges/" + id));
            Browser.waitUntil("the stored record in it",
                    () -> "130".equals(browser.property(field(browser, "returned"), "value")));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"uk", "en"})
    void a_unit_and_a_report_are_added_and_a_unit_still_named_is_not_deleted(String language) throws IOException {
        Map<String, String> words = words(language);
        String unit = "nsu-" + language;
        try (Browser browser = Browser.start(chromium, language)) {
            browser.open(page("/edit/units/new"));
            signIn(browser);
            browser.type(field(browser, "id"), unit);
            choose(browser, "parent", "afu");
            // by keyboard: Enter in a field submits the form, as the submit button would
            browser.type(field(browser, "name"), "National Guard " + language + ENTER);
            Browser.waitUntil("the unit's own address", () -> browser.url().endsWith("/edit/units/" + unit));
            JsonNode stored = api.get("/api/v1/units/" + unit).send().expect(200).json();
            assertThat(stored.get("name").asText()).isEqualTo("National Guard " + language);
            assertThat(stored.get("parent").asText()).isEqualTo("afu");

            browser.open(page("/edit/reports/new"));
            choose(browser, "metric", "peopleReturned");
            browser.type(field(browser, "value"), "1358");
            setDate(browser, "asOf", "2025-01-02");
            browser.type(field(browser, "scope/year"), "2024");
            browser.type(field(browser, "source/url"), "https://www.president.gov.ua/");
            browser.click(browser.find("#record button[type=submit]"));
            Browser.waitUntil("the report's own address", () -> browser.url().matches(".*/edit/reports/(?!new)[^/]+$"));
            String report = browser.url().substring(browser.url().lastIndexOf('/') + 1);
            JsonNode figure = api.get("/api/v1/reports/" + report).send().expect(200).json();
            assertThat(figure.at("/scope/year").asInt()).isEqualTo(2024);
            assertThat(figure.get("metric").asText()).isEqualTo("peopleReturned");
            assertThat(figure.get("value").asLong()).isEqualTo(1358);
            assertThat(figure.at("/source/url").asText()).isEqualTo("https://www.president.gov.ua/");

            // afu has sub-units: the confirmation says what deleting needs, the server's refusal says why not
            browser.open(page("/edit/units/afu"));
            browser.click(browser.find("#delete"));
            String dialog = browser.find("#confirm[open]");
            assertThat(browser.text(dialog)).contains(words.get("editor.delete.effect.units"));
            browser.click(browser.find("#confirm-delete"));
            String problem = browser.find("#confirm-problem:not([hidden])");
            Browser.waitUntil("the refusal shown", () -> !browser.text(problem).isEmpty());
            assertThat(browser.text(problem)).isEqualTo(say(words, "editor.delete.refused", "detail",
                    say(words, "editor.api.stillParent", "id", "afu")));
            api.get("/api/v1/units/afu").send().expect(200);
            assertNoOtherOrigin(browser);
        }
    }

    // --- helpers

    private static String page(String path) {
        return api.uri(path).toString();
    }

    /** Pastes the write token into the page's token field, as someone opening the editor does. */
    private static void signIn(Browser browser) {
        String token = browser.find("input[name=token]");
        Browser.waitUntil("the token field shown", () -> browser.script(
                "return !document.getElementById('token').hidden").asBoolean());
        browser.type(token, api.writer);
        browser.click(browser.find("#token-form button[type=submit]"));
        Browser.waitUntil("the token kept in the tab", () -> api.writer.equals(
                browser.script("return sessionStorage.getItem('powledger.writeToken')").asText()));
        assertThat(browser.script("return localStorage.getItem('powledger.writeToken')").isNull()).isTrue();
        browser.find("#record");
    }

    private static String field(Browser browser, String name) {
        return browser.find("#record [name='" + name + "']");
    }

    private static void choose(Browser browser, String name, String value) {
        browser.click(browser.find("#record [name='" + name + "'] option[value='" + value + "']"));
    }

    /** A date input takes keys in the browser's locale; its value is set as a person's picker would. */
    private static void setDate(Browser browser, String name, String isoDate) {
        browser.script("const input = document.querySelector(\"#record [name='\" + arguments[0] + \"']\");"
                + "input.value = arguments[1]; input.dispatchEvent(new Event('input', { bubbles: true }));",
                name, isoDate);
    }

    /** Every resource the page loaded came from the server itself. */
    private static void assertNoOtherOrigin(Browser browser) {
        JsonNode loaded = browser.script("return performance.getEntriesByType('resource').map(e => e.name)");
        String origin = api.uri("").toString();
        assertThat(loaded).isNotEmpty();
        loaded.forEach(url -> assertThat(url.asText()).startsWith(origin));
    }

    static Map<String, String> words(String language) throws IOException {
        try (InputStream in = EditorBrowserTest.class.getResourceAsStream("/i18n/" + language + ".json")) {
            assertThat(in).as("the editor's words in " + language).isNotNull();
            Map<String, String> words = new LinkedHashMap<>();
            LiveServer.JSON.readTree(in).fields().forEachRemaining(e -> words.put(e.getKey(), e.getValue().asText()));
            return words;
        }
    }

    /** The words for key with {name} replaced, as the page's script does. */
    static String say(Map<String, String> words, String key, String... values) {
        String text = words.get(key);
        assertThat(text).as(key).isNotNull();
        for (int i = 0; i < values.length; i += 2) {
            text = text.replace("{" + values[i] + "}", values[i + 1]);
        }
        return text;
    }
}

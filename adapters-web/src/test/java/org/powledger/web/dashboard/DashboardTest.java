package org.powledger.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.powledger.web.PageChecks.assertSecurityHeaders;
import static org.powledger.web.PageChecks.normalised;
import static org.powledger.web.PageChecks.references;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.LargestExchange;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.ReconciliationStatus;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.YearChange;
import org.powledger.domain.statistics.YearFigures;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;
import org.powledger.web.http.PageFile;
import org.powledger.web.i18n.LanguageRoutes;
import org.powledger.web.i18n.Languages;

/** The dashboard page and its files over real HTTP, with the ledger's ports mocked. */
class DashboardTest extends ApiTest {

    static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    /** One entry of the script's table of reads: {@code name: { path: '/api/v1/...', window: true },}. */
    static final Pattern READ = Pattern.compile("(\\w+): \\{ path: '([^']+)', window: (true|false) \\}");

    private boolean readTokenRequired;

    @Override
    protected WebSettings settings() {
        return new WebSettings(readTokenRequired, "1.2.3");
    }

    // --- the page

    @Test
    void the_page_is_html_with_a_strict_content_security_policy() {
        api(client -> {
            Reply reply = client.get("/").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(normalised(reply.contentType())).isEqualTo("text/html; charset=utf-8");
            assertThat(reply.body()).startsWith("<!DOCTYPE html>");
            assertSecurityHeaders(reply);
        });
    }

    @Test
    void the_page_is_open_when_reads_need_a_token_but_the_figures_are_not() {
        readTokenRequired = true;
        api(client -> {
            assertThat(client.get("/").send().status()).isEqualTo(200);
            assertThat(client.get("/dashboard/dashboard.js").send().status()).isEqualTo(200);
            assertThat(client.get("/api/v1/stats/summary").send().status()).isEqualTo(401);
        });
    }

    @Test
    void the_page_asks_for_a_read_token_kept_in_the_tab_only() {
        String script = resource("dashboard.js");
        String page = resource("index.html");

        assertThat(page).contains("id=\"token-input\" type=\"password\"");
        assertThat(script).contains("sessionStorage").doesNotContain("localStorage").doesNotContain("document.cookie");
        assertThat(script).contains("error.status === 401");
    }

    @Test
    void a_head_gets_the_headers_of_the_get_and_no_body() {
        api(client -> {
            Reply reply = client.call("HEAD", "/").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEmpty();
            assertThat(normalised(reply.contentType())).isEqualTo("text/html; charset=utf-8");
            assertSecurityHeaders(reply);
        });
    }

    @Test
    void an_unchanged_file_is_304_not_modified() {
        api(client -> {
            String etag = client.get("/dashboard/dashboard.css").send().header("ETag");

            Reply again = client.get("/dashboard/dashboard.css").header("If-None-Match", etag).send();

            assertThat(etag).matches("\"[0-9a-f]{24}\"");
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        });
    }

    @Test
    void every_file_the_page_references_is_served_with_its_content_type() {
        api(client -> {
            List<String> references = references(client.get("/").send().body());
            assertThat(references).contains("/dashboard/dashboard.css", "/dashboard/dashboard.js");

            for (String reference : references) {
                if (reference.startsWith("#") || reference.startsWith("data:")) {
                    continue;
                }
                assertThat(reference).as("a path on this server").startsWith("/").doesNotStartWith("//");
                Reply reply = client.get(reference).send();
                assertThat(reply.status()).as(reference).isEqualTo(200);
                assertThat(normalised(reply.contentType())).as(reference)
                        .isEqualTo(CONTENT_TYPES.get(reference.equals("/") ? "html" : extension(reference)));
                assertSecurityHeaders(reply);
            }
        });
    }

    @Test
    void every_dashboard_file_is_served_and_nothing_else_is_under_dashboard() throws Exception {
        DashboardRoutes routes = new DashboardRoutes(Languages.load());
        Set<String> served = Stream.concat(routes.pages().values().stream(), routes.assets().stream())
                .map(PageFile::resource).collect(Collectors.toSet());

        assertThat(resourceFiles()).map(name -> "/dashboard/" + name).containsExactlyInAnyOrderElementsOf(served);
        api(client -> assertThat(client.get("/dashboard/index.html").send().status()).isEqualTo(404));
    }

    // --- no external requests

    @Test
    void no_dashboard_file_refers_to_another_origin() throws Exception {
        for (String name : resourceFiles()) {
            assertThat(ExternalReferences.in(resource(name))).as(name).isEmpty();
        }
        for (PageFile file : new LanguageRoutes(Languages.load()).files()) {
            assertThat(ExternalReferences.in(new String(file.bytes(), StandardCharsets.UTF_8))).as(file.path()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script src=\"https://cdn.example.org/chart.js\"></script>",
            "<script src='http://cdn.example.org/chart.js'></script>",
            "<link rel=\"stylesheet\" href=\"//fonts.example.org/css?family=Inter\">",
            "<img src=//images.example.org/logo.png alt=\"\">",
            "<form action=\"https://collect.example.org/\">",
            "@import url(//fonts.example.org/inter.css);",
            "@import 'https://fonts.example.org/inter.css';",
            "body { background: url(\"https://images.example.org/bg.png\"); }",
            "body { background: url( //images.example.org/bg.png ); }",
            "fetch('https://api.example.org/figures')",
            "fetch(\"//api.example.org/figures\")",
            "fetch(`//api.example.org/${path}`)",
            "const cdn = '//cdn.example.org/lib.js';",
            "new WebSocket('wss://live.example.org/feed')",
            "navigator.sendBeacon('//stats.example.org/hit')",
            "<a href=\"HTTPS://example.org/\">elsewhere</a>",
    })
    void the_scan_catches_a_planted_external_reference(String planted) {
        String page = resource("index.html");
        String withPlant = page.replace("</head>", planted + "\n</head>");

        assertThat(ExternalReferences.in(withPlant)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "// a comment in a script",
            "/* a comment in a style sheet */",
            "const SVG_NS = 'http://www.w3.org/2000/svg';",
            "<link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\">",
            "<link rel=\"icon\" href=\"data:,\">",
            "fetch(url(READS.summary), { headers })",
            "a:hover { color: red; }",
    })
    void the_scan_lets_same_origin_references_pass(String harmless) {
        assertThat(ExternalReferences.in(harmless)).isEmpty();
    }

    // --- the script's reads

    @Test
    void the_script_reads_only_api_paths_that_exist() {
        stubTheLedger();
        String script = resource("dashboard.js");
        Map<String, Read> reads = reads(script);

        assertThat(reads).as("the table of reads").isNotEmpty();
        assertThat(occurrences(script, "'/api/v1")).as("every API path is in the table of reads")
                .isEqualTo(reads.size());
        assertThat(occurrences(script, "fetch(")).as("one place fetches, from the table").isEqualTo(1);
        assertThat(script).contains("fetch(url(read, vars)");
        assertThat(reads.values()).extracting(Read::path).allMatch(path -> path.startsWith("/api/v1/"));

        api(client -> {
            for (Read read : reads.values()) {
                String path = read.path().replace("{id}", "azovstal");
                List<String> asked = new ArrayList<>(List.of(path));
                if (read.window()) {
                    asked.add(withQuery(path, "from=2024-01-01&to=2024-12-31"));
                }
                asked.add(withQuery(path, "format=csv"));
                for (String url : asked) {
                    Reply reply = client.get(url).send();
                    assertThat(reply.status()).as("GET " + url + ": " + reply.body()).isEqualTo(200);
                }
            }
        });
    }

    @Test
    void the_script_reads_every_statistic_the_dashboard_shows() {
        assertThat(reads(resource("dashboard.js")).values()).extracting(Read::path).contains(
                "/api/v1/stats/summary", "/api/v1/stats/yearly", "/api/v1/stats/periods?interval=month",
                "/api/v1/stats/units", "/api/v1/stats/first-returns", "/api/v1/stats/reconciliation",
                "/api/v1/exchanges?limit=20", "/api/v1/cohorts?limit=500", "/api/v1/stats/cohorts/{id}");
    }

    @Test
    void the_script_is_read_only_and_never_writes_markup() {
        String script = resource("dashboard.js");

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                "eval(", "new Function", "setAttribute('style'", ".style.", "method:", "'POST'", "'PUT'",
                "'DELETE'", "'PATCH'");
    }

    @Test
    void the_page_has_no_inline_script_style_or_handler() {
        String page = resource("index.html");

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\sstyle\\s*=")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
                .doesNotContainPattern("(?i)method\\s*=\\s*\"?post");
    }

    @Test
    void the_page_is_built_for_screen_readers_and_keyboards() {
        String page = resource("index.html");

        assertThat(page).contains("<html lang=\"{{lang}}\">", "<main id=\"main\"", "href=\"#main\"", "role=\"status\"",
                "<label for=\"from\"", "<label for=\"to\"", "<label for=\"token-input\"");
        assertThat(resource("dashboard.js")).contains("el('caption'", "scope: 'col'", "scope: 'row'",
                "role: 'img'", "'aria-labelledby'");
    }

    // --- helpers

    record Read(String name, String path, boolean window) {
    }

    static Map<String, Read> reads(String script) {
        Map<String, Read> reads = new LinkedHashMap<>();
        Matcher matcher = READ.matcher(script);
        while (matcher.find()) {
            reads.put(matcher.group(1), new Read(matcher.group(1), matcher.group(2),
                    Boolean.parseBoolean(matcher.group(3))));
        }
        return reads;
    }

    static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static String withQuery(String path, String query) {
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** A file of the dashboard ({@code dashboard.js}) or, with a leading slash, any resource. */
    static String resource(String name) {
        try (var in = DashboardRoutes.class.getResourceAsStream(
                name.startsWith("/") ? name : "/dashboard/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> resourceFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(DashboardRoutes.class.getResource("/dashboard/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private void stubTheLedger() {
        LocalDate dec30 = LocalDate.of(2024, 12, 30);
        ExchangeId first = ExchangeId.of("ex_first");
        when(statistics.summary(any(), any())).thenReturn(new Summary(2, 0, 250, 250, 2, 0,
                LocalDate.of(2024, 6, 1), dec30, new LargestExchange(first, dec30, 189)));
        when(statistics.yearly(any(), any())).thenReturn(List.of(
                new YearFigures(2023, 1, 0, 61, 61, 0, 0, null),
                new YearFigures(2024, 1, 0, 189, 189, 2, 0, new YearChange(128, new BigDecimal("209.8")))));
        when(statistics.periods(any(), any(), anyString(), anyBoolean())).thenReturn(List.of(
                new PeriodPoint("2024-12", 1, 189, 0)));
        when(statistics.units(any(), any())).thenReturn(List.of(
                new UnitFigures(UnitId.of("afu"), "Armed Forces", null, 70, 87, 1, dec30, dec30)));
        when(statistics.firstReturns(any(), any())).thenReturn(List.of(
                new FirstReturn(first, dec30, List.of(UnitId.of("afu")), 1)));
        when(statistics.reconciliation(any(), any())).thenReturn(List.of(
                new ReconciliationItem(ReportId.of("rp_year"), ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED,
                        189, 189, 0, ReconciliationStatus.MATCH)));
        when(statistics.cohort(eq("azovstal"), any(), any())).thenReturn(new CohortFigures(CohortId.of("azovstal"),
                "Azovstal garrison", 2500, true, 5, null, new BigDecimal("0.0020"), 2495L, List.of()));
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(), null));
        when(cohorts.list(any())).thenReturn(new Page<>(List.of(), null));
    }
}

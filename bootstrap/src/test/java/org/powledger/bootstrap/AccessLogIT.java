package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log of the real jar: one line per request on stderr, text by default and JSON lines with
 * {@code --log-format json} or {@code POWLEDGER_LOG_FORMAT=json}, naming the route template, the status,
 * the milliseconds, the token's name and the correlation id the answer carries, and never a token.
 */
class AccessLogIT {

    static final String BOGUS = "pow_bogus0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** What was sent, and what came back, for one request. */
    record Exchange(String method, String path, int status, String requestId) {
    }

    @Test
    void json_lines_name_route_status_token_and_correlation_id_and_never_a_token() throws Exception {
        Path stderr = dir.resolve("stderr.log");
        String admin;
        List<Exchange> sent;
        try (ServerProcess server = ServerProcess.serve(dir.resolve("ledger.db"), stderr, Map.of(),
                "--log-format", "json")) {
            admin = server.firstAdminToken();
            sent = traffic(server, admin);
            assertThat(server.stop()).isIn(0, 143);
        }
        String log = Files.readString(stderr);

        assertThat(admin).startsWith("pow_");
        assertThat(log).doesNotContain(admin).doesNotContain(BOGUS).doesNotContain(admin.substring(4))
                .doesNotContain("secret-query");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(JSON.readTree(line)); // every line is one JSON object
        }
        List<JsonNode> access = lines.stream().filter(line -> line.path("loggerName").asText().equals("access"))
                .map(line -> line.get("mdc")).toList();
        assertThat(access).hasSize(sent.size());

        JsonNode put = find(access, "PUT", "201");
        assertThat(put.get("route").asText()).isEqualTo("/api/v1/units/{id}");
        assertThat(put.get("tokenName").asText()).isEqualTo("admin");
        assertThat(put.get("durationMs").asText()).matches("\\d+");
        assertThat(put.get("correlationId").asText()).isEqualTo(sent.get(0).requestId()).isNotBlank();

        JsonNode bogus = find(access, "GET", "401");
        assertThat(bogus.get("tokenName").asText()).isEqualTo("(unknown)");
        assertThat(bogus.get("correlationId").asText()).isEqualTo(sent.get(1).requestId());

        JsonNode anonymous = find(access, "GET", "200");
        assertThat(anonymous.get("route").asText()).isEqualTo("/api/v1/units/{id}");
        assertThat(anonymous.get("tokenName").asText()).isEqualTo("-");

        JsonNode refused = find(access, "GET", "400");
        assertThat(refused.get("route").asText()).as("the template, not the path and query asked for")
                .isEqualTo("/api/v1/units");
        assertThat(find(access, "GET", "404").get("route").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void text_lines_by_default_and_json_from_the_environment() throws Exception {
        Path text = dir.resolve("text.log");
        String admin;
        try (ServerProcess server = ServerProcess.serve(dir.resolve("a.db"), text, Map.of())) {
            admin = server.firstAdminToken();
            traffic(server, admin);
            server.stop();
        }
        List<String> lines = Files.readString(text).lines().filter(line -> line.contains(" access - ")).toList();
        // a request the before-handler refuses (a bogus token) never reaches routing: its template is UNMATCHED
        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).matches(
                "\\S+ INFO  access - (GET|PUT) (/api/v1/units(/\\{id})?|NOT_FOUND|UNMATCHED) \\d{3} \\d+ms "
                        + "token=(admin|-|\\(unknown\\)) correlationId=\\S+"));
        assertThat(Files.readString(text)).doesNotContain(admin).doesNotContain(BOGUS);

        Path json = dir.resolve("json.log");
        try (ServerProcess server = ServerProcess.serve(dir.resolve("b.db"), json,
                Map.of("POWLEDGER_LOG_FORMAT", "json"))) {
            traffic(server, server.firstAdminToken());
            server.stop();
        }
        for (String line : Files.readString(json).lines().filter(line -> !line.isBlank()).toList()) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
    }

    @Test
    void an_unknown_log_format_is_a_usage_error() throws Exception {
        ServerProcess.Result result = ServerProcess.run("serve", "--db", dir.resolve("c.db").toString(),
                "--port", "0", "--log-format", "xml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).contains("--log-format").doesNotContain("\tat ");
    }

    /** Five requests: a write with the real token, a read with a bogus one, an anonymous read, a bad query, a miss. */
    private static List<Exchange> traffic(ServerProcess server, String admin) throws IOException, InterruptedException {
        List<Exchange> sent = new ArrayList<>();
        sent.add(send(server, "PUT", "/api/v1/units/afu", admin, "{\"name\": \"Armed Forces of Ukraine\"}"));
        sent.add(send(server, "GET", "/api/v1/units/afu", BOGUS, null));
        sent.add(send(server, "GET", "/api/v1/units/afu", null, null));
        sent.add(send(server, "GET", "/api/v1/units?secret-query=1", null, null));
        sent.add(send(server, "GET", "/no/such/path", null, null));
        assertThat(sent).extracting(Exchange::status).containsExactly(201, 401, 200, 400, 404);
        return sent;
    }

    private static Exchange send(ServerProcess server, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Exchange(method, path, response.statusCode(),
                response.headers().firstValue("X-Request-Id").orElse(""));
    }

    private static JsonNode find(List<JsonNode> access, String method, String status) {
        return access.stream().filter(line -> line.get("method").asText().equals(method)
                && line.get("status").asText().equals(status)).findFirst()
                .orElseThrow(() -> new AssertionError("no access line for " + method + " " + status + " in " + access));
    }
}

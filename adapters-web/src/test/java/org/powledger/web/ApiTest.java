package org.powledger.web;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.port.in.Authenticating;
import org.powledger.domain.port.in.CheckingHealth;
import org.powledger.domain.port.in.KeepingCohorts;
import org.powledger.domain.port.in.KeepingReports;
import org.powledger.domain.port.in.KeepingUnits;
import org.powledger.domain.port.in.ReadingStatistics;
import org.powledger.domain.port.in.RecordingExchanges;
import org.powledger.domain.port.in.TransferringLedger;

/**
 * The API over real HTTP with its driving ports mocked. Tokens: {@code writer} (scope write, actor
 * "alice"), {@code reader} (scope read, "rob"), {@code admin} (scope admin); any other is unknown.
 */
public abstract class ApiTest {

    protected static final Instant CREATED = Instant.parse("2025-01-02T10:00:00Z");
    protected static final Instant UPDATED = Instant.parse("2025-01-03T11:30:00.123Z");
    protected static final Actor ALICE = new Actor("alice", AccessScope.WRITE);
    protected static final Actor ROB = new Actor("rob", AccessScope.READ);
    protected static final Actor ADA = new Actor("ada", AccessScope.ADMIN);

    private static final ObjectMapper JSON = new ObjectMapper();

    protected RecordingExchanges exchanges;
    protected KeepingUnits units;
    protected KeepingCohorts cohorts;
    protected KeepingReports reports;
    protected ReadingStatistics statistics;
    protected TransferringLedger transfer;
    protected Authenticating authenticating;
    protected CheckingHealth health;

    @BeforeEach
    void mockPorts() {
        exchanges = mock(RecordingExchanges.class);
        units = mock(KeepingUnits.class);
        cohorts = mock(KeepingCohorts.class);
        reports = mock(KeepingReports.class);
        statistics = mock(ReadingStatistics.class);
        transfer = mock(TransferringLedger.class);
        authenticating = mock(Authenticating.class);
        health = mock(CheckingHealth.class);
        when(authenticating.authenticate(anyString())).thenReturn(Optional.empty());
        when(authenticating.authenticate("writer")).thenReturn(Optional.of(ALICE));
        when(authenticating.authenticate("reader")).thenReturn(Optional.of(ROB));
        when(authenticating.authenticate("admin")).thenReturn(Optional.of(ADA));
    }

    protected WebSettings settings() {
        return new WebSettings(false, "1.2.3");
    }

    /** Runs {@code test} against a freshly started API. */
    protected void api(Scenario test) {
        HttpApi api = new HttpApi(exchanges, units, cohorts, reports, statistics, transfer, authenticating,
                health, settings());
        JavalinTest.test(api.app(), (server, client) -> test.run(new Client(client.getOrigin())));
    }

    @FunctionalInterface
    protected interface Scenario {
        void run(Client client) throws Exception;
    }

    protected static final class Client {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final String origin;

        Client(String origin) {
            this.origin = origin;
        }

        public Call get(String path) {
            return new Call(this, "GET", path);
        }

        public Call post(String path) {
            return new Call(this, "POST", path).header("Authorization", "Bearer writer");
        }

        public Call put(String path) {
            return new Call(this, "PUT", path).header("Authorization", "Bearer writer");
        }

        public Call delete(String path) {
            return new Call(this, "DELETE", path).header("Authorization", "Bearer writer");
        }

        public Call call(String method, String path) {
            return new Call(this, method, path);
        }

        public String origin() {
            return origin;
        }

        /**
         * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) as it is,
         * over a plain socket, with {@code Connection: close}: for what {@code java.net.http} refuses
         * to send (a URI it cannot parse, a {@code Host} of the test's choosing).
         */
        public Reply raw(String head) {
            URI uri = URI.create(origin);
            try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                int end = answer.indexOf("\r\n\r\n");
                String[] lines = answer.substring(0, end).split("\r\n");
                Map<String, java.util.List<String>> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new java.util.ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
                return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Reply send(HttpRequest request) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
                OpenApiConformance.check(request.method(), request.uri().getRawPath(), reply);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected static final class Call {
        private final Client client;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body;
        private String contentType = "application/json";

        Call(Client client, String method, String path) {
            this.client = client;
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Call token(String token) {
            return header("Authorization", token == null ? null : "Bearer " + token);
        }

        public Call noToken() {
            return header("Authorization", null);
        }

        public Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Reply json(String json) {
            this.body = HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8);
            return send();
        }

        public Reply bytes(byte[] bytes) {
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return send();
        }

        /** Sends the body chunked, its length unknown to the server until it ends. */
        public Reply chunked(Supplier<InputStream> stream) {
            this.body = HttpRequest.BodyPublishers.ofInputStream(stream);
            return send();
        }

        public Reply send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(client.origin() + path));
            headers.forEach(builder::header);
            if (body != null && contentType != null) {
                builder.header("Content-Type", contentType);
            }
            builder.method(method, body != null ? body : HttpRequest.BodyPublishers.noBody());
            return client.send(builder.build());
        }
    }

    protected record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}

package org.powledger.web;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
        JavalinTest.test(api.app(), (server, client) -> test.run(new Client(client)));
    }

    @FunctionalInterface
    protected interface Scenario {
        void run(Client client) throws Exception;
    }

    protected static final class Client {
        private final HttpClient http;

        Client(HttpClient http) {
            this.http = http;
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
            return http.getOrigin();
        }

        public Reply send(Request request) {
            try (Response response = http.request(request)) {
                Reply reply = new Reply(response.code(), response.headers().toMultimap(), response.body().string());
                OpenApiConformance.check(request.method(), request.url().encodedPath(), reply);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    protected static final class Call {
        private final Client client;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
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
            this.body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return send();
        }

        public Reply bytes(byte[] bytes) {
            this.body = bytes;
            return send();
        }

        public Reply send() {
            Request.Builder builder = new Request.Builder().url(client.http.getOrigin() + path);
            headers.forEach(builder::header);
            RequestBody requestBody = null;
            if (body != null) {
                requestBody = RequestBody.create(body, contentType == null ? null : MediaType.get(contentType));
            } else if (method.equals("POST") || method.equals("PUT")) {
                requestBody = RequestBody.create(new byte[0], null);
            }
            builder.method(method, requestBody);
            if (body != null && contentType == null) {
                builder.removeHeader("Content-Type");
            }
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

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.powledger.domain.model.AccessScope;

/**
 * The real server on a real SQLite file (or any {@code --db}), started in-process on a free port, and a small client for
 * it. Every answer is checked for what the contract promises of all answers: no 5xx unless a test
 * expects one, and every error an {@code application/problem+json} document with {@code type},
 * {@code title}, {@code status} and {@code detail}, never a stack trace.
 */
final class LiveServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String db;
    private final boolean requireReadToken;
    private Server server;
    /** A token with scope {@code write}, named {@code writer}: the actor of the writes tests make. */
    final String writer;

    private LiveServer(String db, boolean requireReadToken) {
        this(db, requireReadToken, "writer");
    }

    private LiveServer(String db, boolean requireReadToken, String writerName) {
        this.db = db;
        this.requireReadToken = requireReadToken;
        this.server = Server.start(db, "127.0.0.1", 0, requireReadToken);
        this.writer = server.ledger().tokens.create(writerName, AccessScope.WRITE);
    }

    /** Starts a server on {@code db} (created if missing) with open reads. */
    static LiveServer start(Path db) {
        return new LiveServer(db.toString(), false);
    }

    static LiveServer start(Path db, boolean requireReadToken) {
        return new LiveServer(db.toString(), requireReadToken);
    }

    /** Starts a server on any {@code --db} value (a {@code jdbc:postgresql:} URL, say) with open reads. */
    static LiveServer start(String db) {
        return new LiveServer(db, false);
    }

    /** Starts another instance on a shared {@code db}, its writes made with a token named {@code writerName}. */
    static LiveServer start(String db, String writerName) {
        return new LiveServer(db, false, writerName);
    }

    Server server() {
        return server;
    }

    Path db() {
        return Path.of(db);
    }

    /** Creates a token on the running server's store and gives its secret. */
    String token(String name, AccessScope scope) {
        return server.ledger().tokens.create(name, scope);
    }

    /** Closes the server and starts a new one on the same file. */
    void restart() {
        server.close();
        server = Server.start(db, "127.0.0.1", 0, requireReadToken);
    }

    @Override
    public void close() {
        server.close();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    Call get(String path) {
        return new Call("GET", path, null);
    }

    /** Any method, with the {@code writer} token and no body. */
    Call request(String method, String path) {
        return new Call(method, path, null).token(writer);
    }

    Call delete(String path) {
        return new Call("DELETE", path, null).token(writer);
    }

    /** A write with a JSON body, sent with the {@code writer} token unless another is chosen. */
    Call post(String path, String json) {
        return new Call("POST", path, json).token(writer).header("Content-Type", "application/json");
    }

    Call put(String path, String json) {
        return new Call("PUT", path, json).token(writer).header("Content-Type", "application/json");
    }

    /** Creates (or replaces, at its current version) a unit. */
    JsonNode unit(String id, String name, String parent) {
        String body = parent == null ? "{\"name\": %s}".formatted(quote(name))
                : "{\"name\": %s, \"parent\": %s}".formatted(quote(name), quote(parent));
        Reply current = get("/api/v1/units/" + id).send();
        Call put = put("/api/v1/units/" + id, body);
        if (current.status() == 200) {
            put.header("If-Match", current.header("ETag").orElseThrow());
        }
        return put.send().expect(current.status() == 200 ? 200 : 201).json();
    }

    JsonNode cohort(String id, String name, int size) {
        return put("/api/v1/cohorts/" + id, "{\"name\": %s, \"size\": %d}".formatted(quote(name), size))
                .send().expect(201).json();
    }

    /** Records an exchange and gives its id. */
    String exchange(String json) {
        return post("/api/v1/exchanges", json).send().expect(201).json().get("id").asText();
    }

    /**
     * Sends bytes that {@link HttpClient} refuses to build (a malformed percent-encoding, say) over a
     * plain socket and gives the raw answer: status line, headers and body.
     */
    String raw(String requestLine) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(requestLine + " failed: " + e, e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One request being built. */
    final class Call {
        private final String method;
        private final String path;
        private HttpRequest.BodyPublisher body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String token;
        private boolean serverErrorExpected;

        private Call(String method, String path, String json) {
            this.method = method;
            this.path = path;
            this.body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        }

        Call token(String bearer) {
            this.token = bearer;
            return this;
        }

        Call anonymously() {
            return token(null);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call body(byte[] bytes) {
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        Call allowingServerError() {
            this.serverErrorExpected = true;
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(request::header);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Reply reply = new Reply(method + " " + path, response);
            reply.checkGenerically(serverErrorExpected);
            return reply;
        }
    }

    /** An answer, with the assertions every test needs. */
    record Reply(String request, HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError(request + " answered something that is not JSON: " + response.body(), e);
            }
        }

        Reply expect(int status) {
            assertThat(status()).as("%s answered %s", request, body()).isEqualTo(status);
            return this;
        }

        /** Asserts a problem with this status and gives it. */
        JsonNode problem(int status) {
            expect(status);
            return json();
        }

        /** Asserts a validation problem whose {@code errors} name {@code pointer}. */
        JsonNode problemAt(int status, String pointer) {
            JsonNode problem = problem(status);
            assertThat(pointers(problem, "pointer")).as("%s answered %s", request, body()).contains(pointer);
            return problem;
        }

        /** Asserts a 400 whose {@code errors} name the query parameter. */
        JsonNode badParameter(String parameter) {
            JsonNode problem = problem(400);
            assertThat(pointers(problem, "parameter")).as("%s answered %s", request, body()).contains(parameter);
            return problem;
        }

        private static java.util.List<String> pointers(JsonNode problem, String field) {
            JsonNode errors = problem.path("errors");
            return StreamSupport.stream(errors.spliterator(), false)
                    .map(e -> e.path(field).asText(null)).filter(p -> p != null).toList();
        }

        private void checkGenerically(boolean serverErrorExpected) {
            if (status() >= 500 && !serverErrorExpected) {
                fail("%s answered %d: %s", request, status(), body());
            }
            if (status() < 400) {
                return;
            }
            assertThat(contentType()).as("%s: content type of a %d", request, status())
                    .startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").isTextual()).as("%s: problem type in %s", request, body()).isTrue();
            assertThat(problem.path("title").isTextual()).as("%s: problem title in %s", request, body()).isTrue();
            assertThat(problem.path("detail").isTextual()).as("%s: problem detail in %s", request, body()).isTrue();
            assertThat(problem.path("status").asInt()).as("%s: problem status in %s", request, body())
                    .isEqualTo(status());
            assertThat(body()).as("%s: a stack trace in the answer", request)
                    .doesNotContain("\tat ", "at org.", "at java.", "Exception:", "Caused by");
        }
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A client of one running server, as a script would be: JSON over HTTP, a write token, nothing
 * from inside the server. Every call names the status it expects and fails with the answer's body
 * when it gets another.
 */
final class SeedHttp {

    static final String API = "/api/v1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    SeedHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** A GET under {@code /api/v1} answered 200, as JSON. */
    JsonNode get(String path) {
        return send(request(path).GET(), 200).json();
    }

    /** A GET under {@code /api/v1} answered 200, as text (CSV). */
    Answer getText(String path) {
        return send(request(path).GET(), 200);
    }

    JsonNode post(String path, JsonNode body, int expected) {
        return send(request(path).POST(json(body)).header("Content-Type", "application/json"), expected).json();
    }

    JsonNode put(String path, JsonNode body, int expected) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json"), expected).json();
    }

    JsonNode replace(String path, JsonNode body, long version) {
        return send(request(path).PUT(json(body)).header("Content-Type", "application/json")
                .header("If-Match", "\"" + version + "\""), 200).json();
    }

    void delete(String path) {
        HttpResponse<String> response = exchange(request(path).DELETE());
        assertThat(response.statusCode()).as("DELETE %s: %s", path, response.body()).isBetween(200, 204);
    }

    /** A POST of another media type than JSON (an NDJSON import), answered with any status. */
    Answer post(String path, BodyPublisher body, String contentType) {
        HttpResponse<String> response = exchange(request(path).POST(body).header("Content-Type", contentType));
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + API + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = exchange(request);
        assertThat(response.statusCode())
                .as("%s %s answered: %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(expected);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BodyPublisher json(JsonNode body) {
        return BodyPublishers.ofString(body.toString());
    }

    /** What the server answered. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            if (body.isEmpty()) {
                return SeedJson.JSON.missingNode();
            }
            try {
                return SeedJson.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}

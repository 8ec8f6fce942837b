package org.powledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a real answer of the API against what {@code openapi.json} says that operation answers: the
 * status is documented, the content type too, a JSON body fits the documented schema, the headers worth
 * documenting ({@code ETag}, {@code Location}, {@code Link}, ...) are documented, and a CSV answer has
 * the documented columns. {@link ApiTest} runs it on every reply, so every route test is also a test of
 * the document. Requests that reach no documented operation (an unknown path, a method a path does not
 * serve: 404 and 405 by design) are not checked; server failures (5xx) must still be problems.
 */
final class OpenApiConformance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENTED_HEADERS = List.of("ETag", "Location", "Link", "WWW-Authenticate",
            "Accept-Post", "Idempotent-Replayed", "Content-Disposition");
    /** Answered by Jetty before a request reaches any route: not something one operation does. */
    private static final Set<Integer> BEFORE_ROUTING = Set.of(431);

    private OpenApiConformance() {
    }

    static void check(String method, String path, ApiTest.Reply reply) {
        OpenApiDocument document = OpenApiDocument.served();
        Optional<String> template = document.template(path);
        if (template.isEmpty()) {
            return;
        }
        Optional<JsonNode> operation = document.operation(method, template.get());
        if (operation.isEmpty() || BEFORE_ROUTING.contains(reply.status())) {
            return;
        }
        String where = method + " " + path + " -> " + reply.status();
        String mediaType = mediaType(reply.contentType());
        if (reply.status() >= 500 && !operation.get().path("responses").has(String.valueOf(reply.status()))) {
            require(mediaType.equals("application/problem+json"), where + ": a server failure must be a problem");
            requireFits(document, document.at("#/components/schemas/Problem"), reply, where);
            return;
        }
        JsonNode response = document.resolve(operation.get().path("responses").path(String.valueOf(reply.status())));
        require(!response.isMissingNode(), where + ": status not documented for " + method + " " + template.get());
        for (String header : DOCUMENTED_HEADERS) {
            if (reply.header(header) != null) {
                require(response.path("headers").has(header), where + ": header " + header + " not documented");
            }
        }
        if (reply.body().isEmpty()) {
            require(reply.status() == 204 || reply.status() == 304 || !response.has("content")
                            || response.path("content").has("text/csv")
                            || response.path("content").has("text/plain"),
                    where + ": documented with content, answered none");
            return;
        }
        JsonNode content = response.path("content").path(mediaType);
        require(!content.isMissingNode(), where + ": content type " + mediaType + " not documented (documented: "
                + response.path("content").fieldNames().next() + ")");
        if (mediaType.equals("application/json") || mediaType.equals("application/problem+json")) {
            requireFits(document, content.path("schema"), reply, where);
        } else if (mediaType.equals("text/csv")) {
            String header = reply.body().split("\r\n", 2)[0];
            require(content.path("schema").path("description").asText().contains("`" + header + "`"),
                    where + ": CSV columns " + header + " are not the documented ones");
        }
    }

    private static void requireFits(OpenApiDocument document, JsonNode schema, ApiTest.Reply reply, String where) {
        JsonNode body;
        try {
            body = JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError(where + ": not JSON: " + reply.body(), e);
        }
        Set<String> problems = document.problems(schema, body);
        require(problems.isEmpty(), where + ": the body does not fit the documented schema " + schema + ": "
                + problems + "\n" + reply.body());
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("The answer does not match openapi.json: " + message);
        }
    }
}

package org.powledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.powledger.web.http.QueryParams;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this server, every path written in
 * full ({@code servers} is {@code /}). Open to all like {@code /health}, also when reads need a token,
 * and a token sent is not looked at: the description holds nothing of the ledger, and a client needs it
 * before it has a token. Unknown query parameters are a 400, as everywhere.
 *
 * <p><b>Why a hand-maintained {@code openapi.json}</b> (a resource beside this class, served as it is
 * with {@code info.version} set to the server's version): the routes are plain Javalin handlers whose
 * bodies are read by hand-written DTOs and whose rules (read-only fields accepted, problem types,
 * CSV, {@code If-Match}) are choices of this adapter, not things a generator can see. The one Javalin
 * generator, javalin-openapi, works from annotations and emits OpenAPI 3.0, not 3.1; writing the
 * document by hand keeps the code free of annotations and the document exactly 3.1 (JSON Schema
 * 2020-12, {@code null} in type arrays). What keeps it true is the tests: {@code OpenApiDocumentTest}
 * fails the build when a registered route is not documented (or the other way round), when the
 * document is not valid OpenAPI 3.1, or when the example bodies do not fit it; {@code
 * OpenApiResponsesTest} checks real answers of the routes against it.
 */
final class OpenApiRoutes {

    static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    OpenApiRoutes(ObjectMapper mapper, String version) {
        try {
            this.document = mapper.writeValueAsBytes(document(mapper, version));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document cannot be written", e);
        }
    }

    /** The document as served: the resource with {@code info.version} set to {@code version}. */
    static ObjectNode document(ObjectMapper mapper, String version) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the jar");
            }
            ObjectNode document = (ObjectNode) mapper.readTree(in);
            ((ObjectNode) document.get("info")).put("version", version == null || version.isBlank() ? "unknown" : version);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("the resource " + RESOURCE + " cannot be read", e);
        }
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.status(200).contentType("application/json").result(document);
    }
}

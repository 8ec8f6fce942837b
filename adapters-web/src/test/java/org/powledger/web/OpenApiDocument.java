package org.powledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.powledger.web.json.JsonSupport;

/**
 * The OpenAPI document the server serves, read for tests: its operations, the path template a request
 * path falls under, its OpenAPI references followed, and JSON Schema validation of a value against one
 * of its schemas (JSON Schema 2020-12, formats asserted, with {@code com.networknt:json-schema-validator}).
 */
final class OpenApiDocument {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final OpenApiDocument SERVED = new OpenApiDocument(
            OpenApiRoutes.document(JsonSupport.newMapper(), "1.2.3"));

    private final ObjectNode root;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    OpenApiDocument(ObjectNode root) {
        this.root = root;
    }

    /** The document as {@code GET /api/v1/openapi.json} serves it (version 1.2.3). */
    static OpenApiDocument served() {
        return SERVED;
    }

    ObjectNode root() {
        return root;
    }

    /** Every documented operation as {@code "GET /api/v1/units/{id}"}. */
    Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        root.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The documented path template a concrete request path falls under. */
    Optional<String> template(String path) {
        Iterator<String> templates = root.get("paths").fieldNames();
        String literalMatch = null;
        String templateMatch = null;
        while (templates.hasNext()) {
            String template = templates.next();
            if (template.equals(path)) {
                literalMatch = template;
            } else if (pattern(template).matcher(path).matches()) {
                templateMatch = template;
            }
        }
        return Optional.ofNullable(literalMatch != null ? literalMatch : templateMatch);
    }

    Optional<JsonNode> operation(String method, String template) {
        JsonNode op = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return op.isMissingNode() ? Optional.empty() : Optional.of(op);
    }

    /** The parameters of an operation, its path's included, references followed. */
    List<JsonNode> parameters(String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        root.path("paths").path(template).path("parameters").forEach(p -> parameters.add(resolve(p)));
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    /** An OpenAPI Reference Object followed to what it names (other nodes as they are). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = at(current.get("$ref").asText());
        }
        return current;
    }

    /** The node a local reference ({@code #/components/schemas/Unit}) names; missing when there is none. */
    JsonNode at(String ref) {
        if (!ref.startsWith("#")) {
            throw new AssertionError("only local references are expected in the document: " + ref);
        }
        return root.at(ref.substring(1));
    }

    /** What is wrong with {@code value} against the component schema {@code name}; empty when it fits. */
    Set<String> problems(String name, JsonNode value) {
        return problems(JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name), value);
    }

    /**
     * What is wrong with {@code value} against {@code schema}, a schema of this document (its references
     * are resolved against the whole document); empty when it fits.
     */
    Set<String> problems(JsonNode schema, JsonNode value) {
        JsonSchema validator = compiled.computeIfAbsent(schema.toString(), key -> {
            ObjectNode wrapper = root.deepCopy();
            wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            ArrayNode allOf = wrapper.putArray("allOf");
            allOf.add(schema.deepCopy());
            return SCHEMAS.getSchema(wrapper, CONFIG);
        });
        Set<String> problems = new LinkedHashSet<>();
        for (ValidationMessage message : validator.validate(value)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private static Pattern pattern(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }
}

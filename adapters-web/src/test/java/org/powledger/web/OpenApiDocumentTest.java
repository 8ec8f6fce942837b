package org.powledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/openapi.json} and the document it serves: it describes exactly the routes the
 * server registers, it is valid OpenAPI 3.1, and the bodies the project uses as examples fit it.
 * (That real answers fit it is checked on every reply of every route test: see {@link OpenApiConformance}.)
 */
class OpenApiDocumentTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.served();
    private static final Path FUZZ_INPUTS = Path.of("src/test/resources/org/powledger/web/exchange/"
            + "ExchangeBodyFuzzTestInputs/an_exchange_body_is_read_or_refused_with_a_documented_problem");
    private static final Path EXAMPLE_LEDGER = Path.of("../examples/seeds.ndjson");

    /** The bodies the route tests send (ExchangeRoutesTest, UnitRoutesTest, CohortRoutesTest, ReportRoutesTest). */
    static final String EXCHANGE = """
            {"ref": "2024-12-30", "date": "2024-12-30", "kind": "prisoners", "operation": null,
             "returned": 189, "handedOver": 150, "civilians": 2, "mediators": ["UAE"],
             "breakdown": [{"unit": "afu", "count": 70}, {"unit": "tro", "count": 17},
                           {"unit": "nsu", "count": 43}, {"unit": "azov", "cohort": "azovstal", "count": 5}],
             "sources": [{"url": "https://example.org/a", "title": "Returned", "publisher": "UNN",
                          "publishedOn": "2024-12-30"}],
             "notes": "Azovstal defenders"}
            """;
    static final String UNIT = """
            {"id": "tro", "name": "Territorial Defence Forces", "parent": "afu", "version": 2,
             "createdAt": "2025-01-02T10:00:00Z", "updatedAt": "2025-01-03T11:30:00Z"}
            """;
    static final String COHORT = """
            {"name": "Azovstal garrison", "size": 2500, "sizeApproximate": true,
             "description": "Defenders withdrawn or evacuated from the Azovstal plant in May 2022"}
            """;
    static final String REPORT = """
            {"scope": {"year": 2024}, "metric": "peopleReturned", "value": 1358, "approximate": false,
             "asOf": "2025-01-02", "source": {"url": "https://example.org/r", "title": "Year in review",
             "publisher": "Coordination HQ", "publishedOn": "2025-01-02"}, "notes": "official"}
            """;

    private boolean requireReadToken;

    @Override
    protected WebSettings settings() {
        return new WebSettings(requireReadToken, "1.2.3");
    }

    // --- served

    @Test
    void the_document_is_served_as_json_with_the_server_version() {
        api(client -> {
            Reply reply = client.get("/api/v1/openapi.json").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.json().get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(reply.json().at("/info/version").asText()).isEqualTo("1.2.3");
            assertThat(reply.json()).isEqualTo(DOCUMENT.root());
        });
    }

    @Test
    void the_document_is_open_like_health_also_when_reads_need_a_token() {
        requireReadToken = true;
        api(client -> {
            assertThat(client.get("/api/v1/exchanges").send().status()).isEqualTo(401);
            assertThat(client.get("/api/v1/openapi.json").send().status()).isEqualTo(200);
            assertThat(client.get("/api/v1/openapi.json").token("not-a-token").send().status()).isEqualTo(200);
        });
    }

    @Test
    void an_unknown_query_parameter_is_a_400_as_everywhere() {
        api(client -> {
            Reply reply = client.get("/api/v1/openapi.json?fromat=yaml").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("fromat");
        });
    }

    // --- matches the routes

    @Test
    void every_registered_route_is_documented_and_every_documented_route_is_registered() {
        // With metrics, as the server runs: /metrics is a route too.
        HttpApi api = new HttpApi(exchanges, units, cohorts, reports, statistics, transfer, authenticating, health,
                settings().withMetrics(new org.powledger.web.metrics.HttpMetrics(
                        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), () -> { })));
        Set<String> registered = api.app().unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                // every GET answers HEAD through the same handler (HeadFromGet); the document lists the GET
                .filter(endpoint -> !endpoint.method.name().equals("HEAD"))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered).as("routes Javalin has").hasSizeGreaterThan(20);
        Set<String> documented = new TreeSet<>();
        for (String operation : DOCUMENT.operations()) {
            if (!operation.startsWith("HEAD ")) {
                documented.add(operation);
            }
        }
        assertThat(documented)
                .as("operations in openapi.json; a route added without documenting it (or the other way round) fails here")
                .isEqualTo(registered);
    }

    @Test
    void every_path_is_written_in_full() {
        JsonNode servers = DOCUMENT.root().path("servers");
        assertThat(servers.isMissingNode() || servers.size() == 1 && servers.at("/0/url").asText().equals("/"))
                .as("servers omitted or just /").isTrue();
        DOCUMENT.root().get("paths").fieldNames().forEachRemaining(path ->
                assertThat(path).matches("^/api/v1/.+|^/health$|^/metrics$|^/$|^/dashboard/.+|^/i18n/.+|^/edit(/.+)?$|^/editor/.+"));
    }

    @Test
    void every_path_parameter_is_declared_and_every_declared_one_is_in_the_path() {
        DOCUMENT.root().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!OpenApiDocument.METHODS.contains(op.getKey())) {
                return;
            }
            Set<String> inTemplate = new HashSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = DOCUMENT.parameters(path.getKey(), op.getValue()).stream()
                    .filter(p -> p.get("in").asText().equals("path"))
                    .peek(p -> assertThat(p.get("required").asBoolean()).isTrue())
                    .map(p -> p.get("name").asText()).collect(Collectors.toSet());
            assertThat(declared).as(op.getKey() + " " + path.getKey()).isEqualTo(inTemplate);
        }));
    }

    @Test
    void writes_need_a_token_and_reads_take_one_if_given() {
        DOCUMENT.root().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!OpenApiDocument.METHODS.contains(op.getKey())) {
                return;
            }
            String what = op.getKey() + " " + path.getKey();
            JsonNode security = op.getValue().get("security");
            assertThat(security).as(what + " says who may call it").isNotNull();
            if (path.getKey().equals("/health") || path.getKey().equals("/api/v1/openapi.json")
                    || path.getKey().equals("/") || path.getKey().startsWith("/dashboard/")
                    || path.getKey().startsWith("/i18n/")
                    || path.getKey().startsWith("/edit")) {
                assertThat(security).as(what).isEmpty();
            } else if (op.getKey().equals("get")) {
                assertThat(security.toString()).as(what).isEqualTo("[{},{\"bearerAuth\":[]}]");
                assertThat(op.getValue().at("/responses/401").isMissingNode()).as(what + " documents 401").isFalse();
            } else {
                assertThat(security.toString()).as(what).isEqualTo("[{\"bearerAuth\":[]}]");
                assertThat(op.getValue().at("/responses/401").isMissingNode()).as(what + " documents 401").isFalse();
                assertThat(op.getValue().at("/responses/403").isMissingNode()).as(what + " documents 403").isFalse();
            }
        }));
    }

    @Test
    void operation_ids_are_unique() {
        List<String> ids = new ArrayList<>();
        DOCUMENT.root().get("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (OpenApiDocument.METHODS.contains(op.getKey())) {
                ids.add(op.getValue().get("operationId").asText());
            }
        }));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    }

    // --- valid OpenAPI 3.1

    @Test
    void the_document_is_valid_openapi_3_1() throws IOException {
        JsonSchema openApi31;
        try (InputStream in = getClass().getResourceAsStream("openapi/openapi-3.1-schema.json")) {
            openApi31 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }

        assertThat(messages(openApi31.validate(DOCUMENT.root()))).isEmpty();
        assertThat(DOCUMENT.root().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(DOCUMENT.root().get("jsonSchemaDialect").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void the_validator_sees_a_broken_document() throws IOException {
        JsonSchema openApi31;
        try (InputStream in = getClass().getResourceAsStream("openapi/openapi-3.1-schema.json")) {
            openApi31 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectNode broken = DOCUMENT.root().deepCopy();
        ((ObjectNode) broken.at("/paths/~1health/get/responses")).putObject("200").put("content", "json");

        assertThat(messages(openApi31.validate(broken))).isNotEmpty();
    }

    @Test
    void every_schema_is_valid_json_schema_2020_12() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<JsonNode> schemas = new ArrayList<>();
        collectSchemas(DOCUMENT.root(), false, schemas);

        assertThat(schemas).hasSizeGreaterThan(50);
        for (JsonNode schema : schemas) {
            assertThat(messages(metaSchema.validate(schema))).as(schema.toString()).isEmpty();
        }
    }

    @Test
    void every_reference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOCUMENT.root(), refs);

        assertThat(refs).hasSizeGreaterThan(50);
        for (String ref : refs) {
            assertThat(DOCUMENT.at(ref).isMissingNode()).as(ref).isFalse();
        }
    }

    // --- the example bodies fit

    @Test
    void the_bodies_the_route_tests_send_fit() throws IOException {
        assertFits("ExchangeBody", EXCHANGE);
        assertFits("UnitBody", UNIT);
        assertFits("CohortBody", COHORT);
        assertFits("ReportBody", REPORT);
        assertFits("ExchangeBody", Files.readString(FUZZ_INPUTS.resolve("valid_full"), StandardCharsets.UTF_8));
        assertFits("ExchangeBody", Files.readString(FUZZ_INPUTS.resolve("valid_minimal"), StandardCharsets.UTF_8));
    }

    @Test
    void every_record_of_the_example_ledger_fits_its_body() throws IOException {
        Map<String, String> bodies = Map.of("unit", "UnitBody", "cohort", "CohortBody", "exchange", "ExchangeBody",
                "report", "ReportBody");
        List<String> lines = Files.readAllLines(EXAMPLE_LEDGER, StandardCharsets.UTF_8);

        assertThat(lines).hasSizeGreaterThan(50);
        for (String line : lines) {
            ObjectNode record = (ObjectNode) JSON.readTree(line);
            String type = record.remove("type").asText();
            assertThat(DOCUMENT.problems(bodies.get(type), record)).as(line).isEmpty();
        }
    }

    @Test
    void the_examples_in_the_document_fit_their_schemas() {
        DOCUMENT.root().at("/components/schemas").fields().forEachRemaining(schema ->
                schema.getValue().path("examples").forEach(example ->
                        assertThat(DOCUMENT.problems(schema.getKey(), example)).as(schema.getKey()).isEmpty()));
    }

    @Test
    void a_body_with_an_unknown_field_does_not_fit() throws IOException {
        assertUnknownFieldRefused("ExchangeBody", EXCHANGE, "/");
        assertUnknownFieldRefused("ExchangeBody", EXCHANGE, "/breakdown/0");
        assertUnknownFieldRefused("ExchangeBody", EXCHANGE, "/sources/0");
        assertUnknownFieldRefused("UnitBody", UNIT, "/");
        assertUnknownFieldRefused("CohortBody", COHORT, "/");
        assertUnknownFieldRefused("ReportBody", REPORT, "/");
        assertUnknownFieldRefused("ReportBody", REPORT, "/scope");
        assertUnknownFieldRefused("ReportBody", REPORT, "/source");
    }

    @Test
    void bodies_of_the_wrong_shape_do_not_fit() throws IOException {
        assertRefused("ExchangeBody", "/returned", "\"189\"");
        assertRefused("ExchangeBody", "/returned", "1.5");
        assertRefused("ExchangeBody", "/returned", "100001");
        assertRefused("ExchangeBody", "/date", "\"30/12/2024\"");
        assertRefused("ExchangeBody", "/date", "\"2024-02-30\"");
        assertRefused("ExchangeBody", "/kind", "\"living\"");
        assertRefused("ExchangeBody", "/breakdown/0/count", "0");
        assertRefused("ExchangeBody", "/breakdown/0/unit", "\"AFU\"");
        assertRefused("ExchangeBody", "/sources/0/url", "\"ftp://example.org\"");
        assertRefused("ExchangeBody", "/mediators", "[\"\"]");
        ObjectNode noReturned = (ObjectNode) JSON.readTree(EXCHANGE);
        noReturned.remove("returned");
        assertThat(DOCUMENT.problems("ExchangeBody", noReturned)).isNotEmpty();
        ObjectNode lineWithoutUnitOrCohort = (ObjectNode) JSON.readTree(EXCHANGE);
        ((ObjectNode) lineWithoutUnitOrCohort.at("/breakdown/0")).remove("unit");
        assertThat(DOCUMENT.problems("ExchangeBody", lineWithoutUnitOrCohort)).isNotEmpty();
        assertThat(DOCUMENT.problems("UnitBody", JSON.readTree("{\"name\": \"X\", \"parent\": \"Not a slug\"}")))
                .isNotEmpty();
        assertThat(DOCUMENT.problems("CohortBody", JSON.readTree("{\"name\": \"X\", \"size\": 0}"))).isNotEmpty();
        assertThat(DOCUMENT.problems("ReportBody", JSON.readTree(
                "{\"scope\": {}, \"metric\": \"people\", \"value\": 1, \"asOf\": \"2025-01-02\"}"))).isNotEmpty();
    }

    // --- helpers

    private static void assertFits(String schema, String body) throws IOException {
        assertThat(DOCUMENT.problems(schema, JSON.readTree(body))).as(schema + ": " + body).isEmpty();
    }

    private static void assertUnknownFieldRefused(String schema, String body, String at) throws IOException {
        JsonNode tree = JSON.readTree(body);
        ((ObjectNode) (at.equals("/") ? tree : tree.at(at))).put("unknownField", 1);
        assertThat(DOCUMENT.problems(schema, tree)).as(schema + " with an unknown field at " + at).isNotEmpty();
    }

    private static void assertRefused(String schema, String pointer, String value) throws IOException {
        JsonNode tree = JSON.readTree(EXCHANGE);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        JsonNode replacement = JSON.readTree(value);
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        assertThat(DOCUMENT.problems(schema, tree)).as(schema + " with " + pointer + " = " + value).isNotEmpty();
    }

    private static Set<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** Every Schema Object of the document: components' schemas and every {@code schema} of a parameter, header or media type. */
    private static void collectSchemas(JsonNode node, boolean isSchema, List<JsonNode> found) {
        if (isSchema) {
            found.add(node);
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("schemas") && field.getValue().isObject()) {
                field.getValue().forEach(schema -> found.add(schema));
            } else if (field.getKey().equals("schema")) {
                found.add(field.getValue());
            } else if (field.getValue().isContainerNode()) {
                collectSchemas(field.getValue(), false, found);
            }
        });
        if (node.isArray()) {
            node.forEach(item -> collectSchemas(item, false, found));
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collectRefs(child, refs);
            }
        });
    }
}

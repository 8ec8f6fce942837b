package org.powledger.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.Unit;

/**
 * The domain objects of the seed ledger written as the HTTP API's JSON bodies (shared/API.md), by
 * hand: the test speaks the wire format a client speaks, not the server's own mapping. Absent
 * optional fields are left out.
 */
final class SeedJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private SeedJson() {
    }

    /** {@code PUT /api/v1/units/{id}}: {@code {"name", "parent"}}. */
    static ObjectNode unit(Unit unit) {
        ObjectNode body = JSON.createObjectNode().put("name", unit.name());
        unit.parentId().ifPresent(parent -> body.put("parent", parent.value()));
        return body;
    }

    /** {@code PUT /api/v1/cohorts/{id}}: {@code {"name", "size", "sizeApproximate", "description"}}. */
    static ObjectNode cohort(Cohort cohort) {
        ObjectNode body = JSON.createObjectNode().put("name", cohort.name());
        cohort.knownSize().ifPresent(size -> body.put("size", size));
        body.put("sizeApproximate", cohort.sizeApproximate());
        optional(body, "description", cohort.description());
        return body;
    }

    /** {@code POST /api/v1/exchanges}. */
    static ObjectNode exchange(Exchange exchange) {
        ObjectNode body = JSON.createObjectNode();
        optional(body, "ref", exchange.ref());
        body.put("date", exchange.date().toString());
        body.put("kind", exchange.kind().wireName());
        optional(body, "operation", exchange.operation());
        body.put("returned", exchange.returned());
        if (exchange.handedOver() != null) {
            body.put("handedOver", exchange.handedOver());
        }
        if (exchange.civilians() != null) {
            body.put("civilians", exchange.civilians());
        }
        if (!exchange.mediators().isEmpty()) {
            ArrayNode mediators = body.putArray("mediators");
            exchange.mediators().forEach(mediators::add);
        }
        if (!exchange.breakdown().isEmpty()) {
            ArrayNode lines = body.putArray("breakdown");
            exchange.breakdown().forEach(line -> lines.add(line(line)));
        }
        if (!exchange.sources().isEmpty()) {
            ArrayNode sources = body.putArray("sources");
            exchange.sources().forEach(source -> sources.add(source(source)));
        }
        optional(body, "notes", exchange.notes());
        return body;
    }

    /** {@code POST /api/v1/reports}; an exchange scope names the exchange by the id the report holds. */
    static ObjectNode report(Report report) {
        ObjectNode body = JSON.createObjectNode();
        body.set("scope", scope(report.scope()));
        body.put("metric", report.metric().wireName());
        body.put("value", report.value());
        if (report.approximate()) {
            body.put("approximate", true);
        }
        body.put("asOf", report.asOf().toString());
        if (report.source() != null) {
            body.set("source", source(report.source()));
        }
        optional(body, "notes", report.notes());
        return body;
    }

    static ObjectNode scope(ReportScope scope) {
        ObjectNode body = JSON.createObjectNode();
        if (scope.year() != null) {
            body.put("year", scope.year());
        }
        if (scope.cohort() != null) {
            body.put("cohort", scope.cohort().value());
        }
        if (scope.unit() != null) {
            body.put("unit", scope.unit().value());
        }
        if (scope.exchange() != null) {
            body.put("exchange", scope.exchange().value());
        }
        return body;
    }

    private static ObjectNode line(BreakdownLine line) {
        ObjectNode body = JSON.createObjectNode();
        line.unitId().ifPresent(unit -> body.put("unit", unit.value()));
        line.cohortId().ifPresent(cohort -> body.put("cohort", cohort.value()));
        return body.put("count", line.count());
    }

    private static ObjectNode source(Source source) {
        ObjectNode body = JSON.createObjectNode().put("url", source.url());
        optional(body, "title", source.title());
        optional(body, "publisher", source.publisher());
        if (source.publishedOn() != null) {
            body.put("publishedOn", source.publishedOn().toString());
        }
        return body;
    }

    private static void optional(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}

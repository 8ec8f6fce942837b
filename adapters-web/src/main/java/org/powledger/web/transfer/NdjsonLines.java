package org.powledger.web.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.LedgerDraft;
import org.powledger.web.cohort.CohortJson;
import org.powledger.web.exchange.ExchangeJson;
import org.powledger.web.report.ReportJson;
import org.powledger.web.unit.UnitJson;

/**
 * NDJSON: one JSON object a line, {@code {"type": "unit"|"cohort"|"exchange"|"report", ...}}, the rest
 * of the object read exactly as the single-resource endpoints read their bodies. Blank lines are skipped.
 * The fields a line names (also as null) are the ones an update by import changes.
 */
final class NdjsonLines extends LazyLines {

    static final List<String> TYPES = List.of("unit", "cohort", "exchange", "report");

    private final PhysicalLines lines;
    private final ObjectMapper mapper;

    NdjsonLines(InputStream in, ObjectMapper mapper) {
        this.lines = new PhysicalLines(in, LedgerFiles.MAX_LINE_BYTES);
        this.mapper = mapper;
    }

    @Override
    ImportLine read() throws IOException {
        PhysicalLines.Line line = lines.next();
        while (line != null && line.blank()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        if (line.problem() != null) {
            return ImportLine.unreadable(line.number(), List.of(Violation.at("", line.problem())));
        }
        return parse(line.number(), line.text());
    }

    private ImportLine parse(long number, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (IOException e) {
            return ImportLine.unreadable(number, violationsOf(e));
        }
        if (!(node instanceof ObjectNode object)) {
            return ImportLine.unreadable(number, List.of(Violation.at("", "must be a JSON object")));
        }
        JsonNode type = object.remove("type");
        if (type == null || type.isNull()) {
            return ImportLine.unreadable(number, List.of(Violation.at("/type",
                    "is required: one of " + String.join(", ", TYPES))));
        }
        if (!type.isTextual() || !TYPES.contains(type.textValue())) {
            return ImportLine.unreadable(number, List.of(Violation.at("/type",
                    "must be one of " + String.join(", ", TYPES))));
        }
        try {
            Set<String> given = new HashSet<>();
            object.fieldNames().forEachRemaining(given::add);
            return ImportLine.of(number, draft(type.textValue(), object), given);
        } catch (IOException e) {
            return ImportLine.unreadable(number, violationsOf(e));
        }
    }

    private LedgerDraft draft(String type, ObjectNode body) throws IOException {
        return switch (type) {
            case "unit" -> UnitJson.draft(mapper, body);
            case "cohort" -> CohortJson.draft(mapper, body);
            case "exchange" -> ExchangeJson.draft(mapper, body);
            default -> ReportJson.draft(mapper, body);
        };
    }
}

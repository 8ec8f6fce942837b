package org.powledger.web.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Violation;

/**
 * The breakdown in one CSV cell, the one home of that format (CSV answers write it, the CSV import
 * reads it): {@code unit:count} for a unit, {@code unit/cohort:count} for a unit within a cohort,
 * {@code /cohort:count} for a cohort alone, lines joined with {@code ;}.
 */
final class BreakdownCsv {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private BreakdownCsv() {
    }

    static String write(JsonNode breakdown) {
        if (breakdown == null || !breakdown.isArray()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : breakdown) {
            String unit = line.path("unit").asText("");
            String cohort = line.path("cohort").asText("");
            String key = cohort.isEmpty() ? unit : unit + "/" + cohort;
            lines.add(key + ":" + line.path("count").asText());
        }
        return String.join(";", lines);
    }

    /**
     * The lines of a cell as the JSON array a body carries ({@code [{"unit": "afu", "count": 70}]});
     * the ids and counts are checked later by the same rules as any body. Empty entries (a trailing
     * {@code ;}) are skipped.
     */
    static ArrayNode read(String cell) {
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        List<Violation> problems = new ArrayList<>();
        if (cell == null) {
            return lines;
        }
        for (String entry : cell.split(";", -1)) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String pointer = "/breakdown/" + lines.size();
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                problems.add(Violation.at(pointer, "'" + text + "' must be unit:count, unit/cohort:count or /cohort:count"));
                lines.addObject();
                continue;
            }
            String key = text.substring(0, colon).strip();
            String count = text.substring(colon + 1).strip();
            ObjectNode line = lines.addObject();
            int slash = key.indexOf('/');
            String unit = slash < 0 ? key : key.substring(0, slash).strip();
            String cohort = slash < 0 ? "" : key.substring(slash + 1).strip();
            if (!unit.isEmpty()) {
                line.put("unit", unit);
            }
            if (!cohort.isEmpty()) {
                line.put("cohort", cohort);
            }
            if (unit.isEmpty() && cohort.isEmpty()) {
                problems.add(Violation.at(pointer, "'" + text + "' names neither a unit nor a cohort"));
            }
            if (WHOLE_NUMBER.matcher(count).matches()) {
                line.put("count", Integer.parseInt(count));
            } else {
                problems.add(Violation.at(pointer + "/count", "'" + count + "' is not a whole number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecord(problems);
        }
        return lines;
    }
}

package org.powledger.web.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The breakdown in one CSV cell, the form the CSV import reads: {@code unit:count} for a unit,
 * {@code unit/cohort:count} for a unit within a cohort, {@code /cohort:count} for a cohort alone,
 * lines joined with {@code ;}.
 */
final class BreakdownCsv {

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
}

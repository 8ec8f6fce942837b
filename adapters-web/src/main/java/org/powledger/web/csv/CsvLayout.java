package org.powledger.web.csv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which columns a CSV answer has, named after the JSON fields in JSON order (nested objects as
 * {@code change.peopleReturned}), and how columns that hold a list of objects are written when the
 * generic form does not suit (the breakdown's {@code unit:count;unit/cohort:count}).
 */
public record CsvLayout(List<String> columns, Map<String, Function<JsonNode, String>> formats) {

    public CsvLayout {
        columns = List.copyOf(columns);
        formats = Map.copyOf(formats);
    }

    public static CsvLayout of(String... columns) {
        return new CsvLayout(List.of(columns), Map.of());
    }

    /** The same columns, with {@code column} written by {@code format} from the JSON value. */
    public CsvLayout withFormat(String column, Function<JsonNode, String> format) {
        Map<String, Function<JsonNode, String>> next = new LinkedHashMap<>(formats);
        next.put(column, format);
        return new CsvLayout(columns, next);
    }
}

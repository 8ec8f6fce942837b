package org.powledger.web.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the JSON trees a list or statistics answer would send as RFC 4180 CSV: a header row, one
 * row per item, CRLF line ends, fields quoted where needed. Nested objects become {@code a.b}
 * columns; a list of values is joined with {@code ;}; a list of objects gives one {@code list.field}
 * column per field, each joined with {@code ;}, unless the layout names a format for the list. Every
 * cell passes {@link CsvCells#neutralise}: no cell is a formula.
 */
public final class CsvWriter {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String LIST_SEPARATOR = ";";

    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    public String write(List<? extends JsonNode> rows, CsvLayout layout) {
        List<String> columns = layout.columns().isEmpty() ? discoverColumns(rows, layout) : layout.columns();
        StringWriter out = new StringWriter();
        try (Rows writer = open(out, new CsvLayout(columns, layout.formats()))) {
            rows.forEach(writer::write);
        }
        return out.toString();
    }

    /**
     * Writes the header row at once, then one row per {@link Rows#write}: for lists too long to hold,
     * written as they are read. The layout must name its columns.
     */
    public Rows open(Writer out, CsvLayout layout) {
        if (layout.columns().isEmpty()) {
            throw new IllegalArgumentException("a streamed CSV needs its columns named in advance");
        }
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try {
            SequenceWriter writer = csv.writerFor(String[].class).with(schema).writeValues(out);
            writer.write(layout.columns().toArray(String[]::new));
            return new Rows(writer, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of one CSV answer after its header; closing it flushes them. */
    public static final class Rows implements AutoCloseable {
        private final SequenceWriter writer;
        private final CsvLayout layout;

        private Rows(SequenceWriter writer, CsvLayout layout) {
            this.writer = writer;
            this.layout = layout;
        }

        public void write(JsonNode row) {
            Map<String, String> cells = flatten(row, layout);
            try {
                writer.write(layout.columns().stream().map(c -> CsvCells.neutralise(cells.getOrDefault(c, "")))
                        .toArray(String[]::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends the rows written so far on, without closing what they are written to. */
        public void flush() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> discoverColumns(List<? extends JsonNode> rows, CsvLayout layout) {
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        rows.forEach(row -> flatten(row, layout).keySet().forEach(k -> seen.put(k, true)));
        return new ArrayList<>(seen.keySet());
    }

    static Map<String, String> flatten(JsonNode row, CsvLayout layout) {
        Map<String, String> cells = new LinkedHashMap<>();
        flattenInto(cells, "", row, layout.formats());
        return cells;
    }

    private static void flattenInto(Map<String, String> cells, String prefix, JsonNode node,
                                    Map<String, Function<JsonNode, String>> formats) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String column = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            Function<JsonNode, String> format = formats.get(column);
            if (format != null) {
                cells.put(column, format.apply(value));
            } else if (value.isObject()) {
                flattenInto(cells, column, value, formats);
            } else if (value.isArray()) {
                flattenList(cells, column, value);
            } else {
                cells.put(column, scalar(value));
            }
        }
    }

    private static void flattenList(Map<String, String> cells, String column, JsonNode list) {
        boolean objects = list.size() > 0 && list.get(0).isObject();
        if (!objects) {
            List<String> values = new ArrayList<>();
            list.forEach(v -> values.add(v.isContainerNode() ? v.toString() : scalar(v)));
            cells.put(column, String.join(LIST_SEPARATOR, values));
            return;
        }
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, String> element = new LinkedHashMap<>();
            flattenInto(element, "", list.get(i), Map.of());
            for (Map.Entry<String, String> e : element.entrySet()) {
                List<String> values = byField.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                while (values.size() < i) {
                    values.add("");
                }
                values.add(e.getValue());
            }
        }
        byField.forEach((field, values) -> {
            while (values.size() < list.size()) {
                values.add("");
            }
            cells.put(column + "." + field, String.join(LIST_SEPARATOR, values));
        });
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }
}

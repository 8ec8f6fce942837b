package org.powledger.web.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.web.csv.CsvCells;
import org.powledger.web.exchange.ExchangeJson;

/**
 * CSV (exchanges only, RFC 4180): a header row naming the exchange's JSON fields in any order, then one
 * exchange a row. A row is numbered by the file line it starts on (the header is line 1 when it comes
 * first); a quoted field may span lines. A column the header names is given for every row: an update
 * changes it, an empty cell clears it; a column it does not name is kept (API.md, "Import and export").
 */
final class CsvLines extends LazyLines {

    static final List<String> REQUIRED = List.of("date", "kind", "returned");
    static final List<String> SOURCE_COLUMNS = List.of("sources.url", "sources.title", "sources.publisher",
            "sources.publishedOn");
    /** What the exchange list's CSV writes: so that what it wrote imports back. */
    static final List<String> COLUMNS = ExchangeJson.CSV.columns();
    /** Read-only columns a CSV answer writes: accepted so that it can be sent back, and ignored. */
    private static final Set<String> IGNORED = Set.of("unattributed", "version", "createdAt", "updatedAt");
    private static final Set<String> TEXT = Set.of("id", "ref", "date", "kind", "operation", "notes");
    private static final Set<String> WHOLE_NUMBERS = Set.of("returned", "handedOver", "civilians");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final ObjectReader ROW = new CsvMapper().readerFor(String[].class).with(CsvSchema.emptySchema());

    private final PhysicalLines lines;
    private final ObjectMapper mapper;
    private List<String> header;
    /** The exchange fields the header names: the ones an update by this file changes. */
    private Set<String> given;
    private boolean finished;

    CsvLines(InputStream in, ObjectMapper mapper) {
        this.lines = new PhysicalLines(in, LedgerFiles.MAX_LINE_BYTES);
        this.mapper = mapper;
    }

    @Override
    ImportLine read() throws IOException {
        if (finished) {
            return null;
        }
        Record record = nextRecord();
        if (record == null) {
            return null;
        }
        if (header == null) {
            return readHeader(record);
        }
        if (record.problem != null) {
            return bad(record.line, "", record.problem);
        }
        List<String> cells;
        try {
            // A cell this server wrote as '=... (see CsvCells) reads back as the text it was.
            cells = java.util.Arrays.stream(ROW.<String[]>readValue(record.text)).map(CsvCells::restore).toList();
        } catch (IOException e) {
            return bad(record.line, "", "is not a valid CSV row: " + firstLine(e.getMessage()));
        }
        if (cells.size() != header.size()) {
            return bad(record.line, "", "has " + cells.size() + " fields; the header names " + header.size()
                    + " columns");
        }
        return exchange(record.line, cells);
    }

    /** The header: known columns only, each once, with the required ones; a bad header ends the import. */
    private ImportLine readHeader(Record record) throws IOException {
        List<Violation> problems = new ArrayList<>();
        List<String> columns = List.of();
        if (record.problem != null) {
            problems.add(Violation.at("", record.problem));
        } else {
            try {
                columns = List.of(ROW.<String[]>readValue(record.text)).stream().map(String::strip).toList();
            } catch (IOException e) {
                problems.add(Violation.at("", "is not a valid CSV header: " + firstLine(e.getMessage())));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!COLUMNS.contains(column)) {
                problems.add(Violation.at("/" + column, "is not a known column; known: " + String.join(", ", COLUMNS)));
            } else if (!seen.add(column)) {
                problems.add(Violation.at("/" + column, "is a column named twice"));
            }
        }
        if (problems.isEmpty()) {
            for (String required : REQUIRED) {
                if (!seen.contains(required)) {
                    problems.add(Violation.at("/" + required, "is a required column"));
                }
            }
        }
        if (!problems.isEmpty()) {
            finished = true;
            return ImportLine.unreadable(record.line, problems);
        }
        header = columns;
        Set<String> fields = new HashSet<>();
        for (String column : columns) {
            if (!IGNORED.contains(column)) {
                fields.add(SOURCE_COLUMNS.contains(column) ? "sources" : column);
            }
        }
        given = Set.copyOf(fields);
        return read();
    }

    private ImportLine exchange(long line, List<String> cells) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<Violation> problems = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        SOURCE_COLUMNS.forEach(c -> sources.add(List.of()));
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = cells.get(i);
            if (IGNORED.contains(column)) {
                continue;
            }
            if (cell.isEmpty()) {
                // Present and empty: the field is cleared (sources are zipped from their columns below).
                if (!SOURCE_COLUMNS.contains(column)) {
                    body.putNull(column);
                }
                continue;
            }
            if (TEXT.contains(column)) {
                body.put(column, cell);
            } else if (WHOLE_NUMBERS.contains(column)) {
                wholeNumber(body, column, cell.strip(), problems);
            } else if (column.equals("mediators")) {
                ArrayNode mediators = body.putArray("mediators");
                splitList(cell).stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(mediators::add);
            } else if (column.equals("breakdown")) {
                try {
                    body.set("breakdown", ExchangeJson.breakdownFromCsv(cell));
                } catch (InvalidRecord invalid) {
                    problems.addAll(invalid.violations());
                }
            } else {
                sources.set(SOURCE_COLUMNS.indexOf(column), splitList(cell));
            }
        }
        addSources(body, sources, problems);
        if (!problems.isEmpty()) {
            return ImportLine.unreadable(line, problems);
        }
        try {
            return ImportLine.of(line, ExchangeJson.draft(mapper, body), given);
        } catch (IOException e) {
            return ImportLine.unreadable(line, violationsOf(e));
        }
    }

    private static void wholeNumber(ObjectNode body, String column, String cell, List<Violation> problems) {
        if (!INTEGER.matcher(cell).matches()) {
            problems.add(Violation.at("/" + column, "must be a whole number"));
            return;
        }
        long value = Long.parseLong(cell);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(Violation.at("/" + column, "is out of range"));
            return;
        }
        body.put(column, (int) value);
    }

    /**
     * The {@code sources.*} columns a CSV answer writes, one entry per source joined with {@code ;}:
     * zipped back into source objects. Each column holds as many entries as {@code sources.url}.
     */
    private static void addSources(ObjectNode body, List<List<String>> columns, List<Violation> problems) {
        int count = columns.get(0).size();
        for (int c = 1; c < columns.size(); c++) {
            int entries = columns.get(c).size();
            if (entries != 0 && entries != count) {
                problems.add(Violation.at("/sources", SOURCE_COLUMNS.get(c) + " has " + entries
                        + " entries but sources.url has " + count));
                return;
            }
        }
        if (count == 0) {
            return;
        }
        ArrayNode sources = body.putArray("sources");
        for (int i = 0; i < count; i++) {
            ObjectNode source = sources.addObject();
            for (int c = 0; c < columns.size(); c++) {
                List<String> values = columns.get(c);
                String value = values.isEmpty() ? "" : values.get(i).strip();
                if (!value.isEmpty()) {
                    source.put(SOURCE_COLUMNS.get(c).substring("sources.".length()), value);
                }
            }
        }
    }

    private static List<String> splitList(String cell) {
        return List.of(cell.split(";", -1));
    }

    private static ImportLine bad(long line, String pointer, String message) {
        return ImportLine.unreadable(line, List.of(Violation.at(pointer, message)));
    }

    /** One CSV record: the physical lines up to the end of its last quoted field. */
    private record Record(long line, String text, String problem) {
    }

    private Record nextRecord() throws IOException {
        PhysicalLines.Line first = lines.next();
        while (first != null && first.blank()) {
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        if (first.problem() != null) {
            return new Record(first.number(), null, first.problem());
        }
        Quotes quotes = new Quotes();
        quotes.scan(first.text());
        if (!quotes.open) {
            return new Record(first.number(), first.text(), null);
        }
        StringBuilder text = new StringBuilder(first.text());
        while (quotes.open) {
            PhysicalLines.Line more = lines.next();
            if (more == null) {
                return new Record(first.number(), null, "has a quoted field that is never closed");
            }
            if (more.problem() != null) {
                return new Record(first.number(), null, "line " + more.number() + " " + more.problem());
            }
            if (text.length() + more.text().length() > LedgerFiles.MAX_LINE_BYTES) {
                return new Record(first.number(), null, "is a row longer than " + LedgerFiles.MAX_LINE_BYTES
                        + " bytes, the longest an import reads");
            }
            text.append('\n').append(more.text());
            quotes.scan(more.text());
        }
        return new Record(first.number(), text.toString(), null);
    }

    /** Whether a record is inside a quoted field (RFC 4180: a field opens with {@code "}, {@code ""} escapes one). */
    private static final class Quotes {
        boolean open;
        boolean fieldStart = true;

        /** Follows one physical line; a line that starts outside quotes starts a field. */
        void scan(String line) {
            fieldStart = !open;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (open) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            i++;
                        } else {
                            open = false;
                        }
                    }
                } else if (c == ',') {
                    fieldStart = true;
                } else {
                    if (c == '"' && fieldStart) {
                        open = true;
                    }
                    fieldStart = false;
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

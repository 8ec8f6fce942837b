package org.powledger.web.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.TransferringLedger;
import org.powledger.web.cohort.CohortJson;
import org.powledger.web.csv.CsvWriter;
import org.powledger.web.exchange.ExchangeJson;
import org.powledger.web.json.JsonSupport;
import org.powledger.web.report.ReportJson;
import org.powledger.web.unit.UnitJson;

/**
 * The ledger's file formats, shared by {@code POST /api/v1/import}, {@code GET /api/v1/export} and the
 * command line ({@code powledger import FILE}):
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(file)) {
 *     ImportOutcome outcome = transfer.importLines(LedgerFiles.ndjson(in), false, actor);
 * }
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     LedgerFiles.writeNdjson(transfer, out);
 * }
 * }</pre>
 * Readers are lazy: each line is read and parsed only when the iterator is asked for it, so a file of
 * any size is read in flat memory (they do not close the stream). A bad line, one that is not valid
 * UTF-8, or one longer than {@link #MAX_LINE_BYTES} becomes {@link ImportLine#unreadable} with its line
 * number; a failure of the stream itself is an {@link UncheckedIOException} from the iterator.
 */
public final class LedgerFiles {

    /** The longest line (NDJSON) or row (CSV) an import reads: 1 MiB. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;

    public static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";
    public static final String CSV_MEDIA_TYPE = "text/csv";

    private static final ObjectMapper MAPPER = JsonSupport.newMapper();

    private LedgerFiles() {
    }

    /**
     * NDJSON, one object a line: {@code {"type": "unit"|"cohort"|"exchange"|"report", ...}} with the
     * fields the single-resource endpoints take (units and cohorts carry their {@code id}; exchanges and
     * reports may, and keep it). Blank lines are skipped.
     */
    public static Iterator<ImportLine> ndjson(InputStream in) {
        return new NdjsonLines(in, MAPPER);
    }

    /**
     * CSV of exchanges: a header row of the exchange's JSON field names in any order ({@code date},
     * {@code kind}, {@code returned} required), then one exchange a row; {@code mediators} joined with
     * {@code ;}, {@code breakdown} as {@code unit:count;unit/cohort:count;/cohort:count}. Line numbers
     * are the file's (the header is line 1).
     */
    public static Iterator<ImportLine> csv(InputStream in) {
        return new CsvLines(in, MAPPER);
    }

    /**
     * Writes the whole ledger as NDJSON that {@link #ndjson} reads back: one record a line, in the shapes
     * of the GET endpoints with {@code "type"} first, streamed record by record. Flushes {@code out} at
     * the end and does not close it.
     */
    public static void writeNdjson(TransferringLedger ledger, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        try {
            ledger.export(new NdjsonSink(buffered));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    /**
     * Writes every exchange as CSV in the exchange list's columns, which {@link #csv} reads back, streamed
     * record by record. Flushes {@code out} at the end and does not close it.
     */
    public static void writeCsv(TransferringLedger ledger, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CsvWriter.Rows rows = new CsvWriter().open(writer, ExchangeJson.CSV);
        try {
            ledger.export(new TransferringLedger.LedgerSink() {
                @Override
                public void unit(Versioned<Unit> unit) {
                }

                @Override
                public void cohort(Versioned<Cohort> cohort) {
                }

                @Override
                public void exchange(ExchangeRecord exchange) {
                    rows.write(MAPPER.valueToTree(ExchangeJson.view(exchange)));
                }

                @Override
                public void report(ReportRecord report) {
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        rows.flush();
    }

    /** Each record as one line of JSON, as soon as the ledger hands it over. */
    private static final class NdjsonSink implements TransferringLedger.LedgerSink {

        private final OutputStream out;

        NdjsonSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void unit(Versioned<Unit> unit) {
            write("unit", UnitJson.view(unit));
        }

        @Override
        public void cohort(Versioned<Cohort> cohort) {
            write("cohort", CohortJson.view(cohort));
        }

        @Override
        public void exchange(ExchangeRecord exchange) {
            write("exchange", ExchangeJson.view(exchange));
        }

        @Override
        public void report(ReportRecord report) {
            write("report", ReportJson.view(report));
        }

        private void write(String type, Object view) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put("type", type);
            line.setAll((ObjectNode) MAPPER.valueToTree(view));
            try {
                out.write(MAPPER.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

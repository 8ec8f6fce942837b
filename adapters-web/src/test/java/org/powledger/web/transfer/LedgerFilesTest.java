package org.powledger.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.CohortDraft;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ExchangeDraft.LineDraft;
import org.powledger.domain.port.in.ExchangeDraft.SourceDraft;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.in.UnitDraft;

/** The ledger's file formats as {@link LedgerFiles} reads them, line by line. */
class LedgerFilesTest {

    /** The lines read, without the fields they give (the tests of {@code given} read those). */
    static List<ImportLine> ndjson(String text) {
        return withoutGiven(all(LedgerFiles.ndjson(stream(text))));
    }

    static List<ImportLine> csv(String text) {
        return withoutGiven(all(LedgerFiles.csv(stream(text))));
    }

    static List<ImportLine> withoutGiven(List<ImportLine> lines) {
        return lines.stream().map(l -> new ImportLine(l.number(), l.draft(), l.unreadable(), null)).toList();
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ImportLine> all(Iterator<ImportLine> lines) {
        List<ImportLine> all = new ArrayList<>();
        lines.forEachRemaining(all::add);
        return all;
    }

    static ImportLine bad(long line, String pointer, String message) {
        return ImportLine.unreadable(line, List.of(Violation.at(pointer, message)));
    }

    @Nested
    class Ndjson {

        @Test
        void each_line_is_the_draft_its_type_names_with_the_line_number() {
            List<ImportLine> lines = ndjson("""
                    {"type": "unit", "id": "tro", "name": "Territorial Defence Forces", "parent": "afu"}
                    {"type": "cohort", "id": "azovstal", "name": "Azovstal garrison", "size": 2500, "sizeApproximate": true}
                    {"type": "exchange", "ref": "2024-12-30", "date": "2024-12-30", "kind": "prisoners", "returned": 189, "breakdown": [{"unit": "tro", "cohort": "azovstal", "count": 17}]}
                    {"type": "report", "scope": {"year": 2024}, "metric": "peopleReturned", "value": 1358, "asOf": "2025-01-02"}
                    """);

            assertThat(lines).containsExactly(
                    ImportLine.of(1, new UnitDraft("tro", "Territorial Defence Forces", "afu")),
                    ImportLine.of(2, new CohortDraft("azovstal", "Azovstal garrison", 2500, true, null)),
                    ImportLine.of(3, new ExchangeDraft(null, "2024-12-30", LocalDate.of(2024, 12, 30), "prisoners",
                            null, 189, null, null, null, List.of(new LineDraft("tro", "azovstal", 17)), null, null)),
                    ImportLine.of(4, new ReportDraft(null, null, new ReportDraft.ScopeDraft(2024, null, null, null),
                            "peopleReturned", 1358L, null, LocalDate.of(2025, 1, 2), null, null)));
        }

        @Test
        void exchanges_and_reports_keep_their_id_and_ignore_the_read_only_fields() {
            List<ImportLine> lines = ndjson("""
                    {"type": "exchange", "id": "ex_abc", "date": "2024-12-30", "kind": "bodies", "returned": 5, "unattributed": 5, "version": 3, "createdAt": "2025-01-02T10:00:00Z", "updatedAt": "2025-01-03T10:00:00Z"}
                    {"type": "report", "id": "rp_abc", "scope": {}, "metric": "exchanges", "value": 60, "asOf": "2025-01-02", "version": 1, "createdAt": "2025-01-02T10:00:00Z"}
                    """);

            assertThat(((ExchangeDraft) lines.get(0).draft()).id()).isEqualTo("ex_abc");
            assertThat(((ReportDraft) lines.get(1).draft()).id()).isEqualTo("rp_abc");
        }

        @Test
        void blank_lines_are_skipped_and_counted() {
            List<ImportLine> lines = ndjson("\n  \r\n{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"AFU\"}\r\n\n");

            assertThat(lines).containsExactly(ImportLine.of(3, new UnitDraft("afu", "AFU", null)));
        }

        @Test
        void a_byte_order_mark_at_the_start_is_dropped() {
            List<ImportLine> lines = ndjson("\uFEFF{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"AFU\"}");

            assertThat(lines).containsExactly(ImportLine.of(1, new UnitDraft("afu", "AFU", null)));
        }

        @Test
        void malformed_json_is_a_bad_line_pointing_where_the_parser_stopped() {
            assertThat(ndjson("{\"type\": \"unit\", \"id\": \"afu\"\n{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"A\"}"))
                    .containsExactly(bad(1, "/id", "is not well-formed JSON"),
                            ImportLine.of(2, new UnitDraft("afu", "A", null)));
        }

        @Test
        void a_duplicate_key_is_a_bad_line_naming_it() {
            assertThat(ndjson("{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"A\", \"name\": \"B\"}"))
                    .containsExactly(bad(1, "/name", "is a duplicate key"));
        }

        @Test
        void an_unknown_field_is_a_bad_line_naming_it() {
            assertThat(ndjson("{\"type\": \"exchange\", \"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 1, \"retruned\": 2}"))
                    .containsExactly(bad(1, "/retruned", "is not a known field"));
        }

        @Test
        void a_wrong_type_is_a_bad_line_with_the_pointer_of_the_field() {
            assertThat(ndjson("{\"type\": \"exchange\", \"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": 1, \"breakdown\": [{\"unit\": \"afu\", \"count\": \"70\"}]}"))
                    .containsExactly(bad(1, "/breakdown/0/count", "must be a whole number"));
        }

        @Test
        void a_missing_or_unknown_type_is_a_bad_line() {
            assertThat(ndjson("{\"id\": \"afu\"}\n{\"type\": \"squad\"}\n{\"type\": 1}"))
                    .containsExactly(bad(1, "/type", "is required: one of unit, cohort, exchange, report"),
                            bad(2, "/type", "must be one of unit, cohort, exchange, report"),
                            bad(3, "/type", "must be one of unit, cohort, exchange, report"));
        }

        @Test
        void a_line_that_is_not_one_object_is_a_bad_line() {
            assertThat(ndjson("[1, 2]\n{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"A\"} {}"))
                    .containsExactly(bad(1, "", "must be a JSON object"),
                            bad(2, "", "must be one JSON value with nothing after it"));
        }

        @Test
        void invalid_utf8_is_a_bad_line_and_the_next_line_is_still_read() throws IOException {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write("{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"".getBytes(StandardCharsets.UTF_8));
            file.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            file.write("\"}\n{\"type\": \"unit\", \"id\": \"nsu\", \"name\": \"N\"}\n".getBytes(StandardCharsets.UTF_8));

            assertThat(all(LedgerFiles.ndjson(new ByteArrayInputStream(file.toByteArray()))))
                    .containsExactly(bad(1, "", "is not valid UTF-8"),
                            ImportLine.of(2, new UnitDraft("nsu", "N", null), Set.of("id", "name")));
        }

        @Test
        void a_line_over_one_mebibyte_is_a_bad_line_and_the_next_line_is_still_read() {
            String longLine = "{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"" + "x".repeat(LedgerFiles.MAX_LINE_BYTES) + "\"}";

            assertThat(ndjson(longLine + "\n{\"type\": \"unit\", \"id\": \"nsu\", \"name\": \"N\"}"))
                    .containsExactly(bad(1, "", "is longer than 1048576 bytes, the longest line an import reads"),
                            ImportLine.of(2, new UnitDraft("nsu", "N", null)));
        }

        @Test
        void a_large_stream_is_read_one_line_at_a_time() {
            int total = 200_000;
            GeneratedStream source = new GeneratedStream(total, i -> "{\"type\": \"exchange\", \"ref\": \"r" + i
                    + "\", \"date\": \"2024-12-30\", \"kind\": \"prisoners\", \"returned\": " + (i % 1000) + "}\n");
            Iterator<ImportLine> lines = LedgerFiles.ndjson(source);

            assertThat(source.bytesRead()).isZero();
            ImportLine first = lines.next();
            assertThat(((ExchangeDraft) first.draft()).ref()).isEqualTo("r0");
            assertThat(source.bytesRead()).isLessThanOrEqualTo(64 * 1024);

            long count = 1;
            ImportLine last = first;
            while (lines.hasNext()) {
                last = lines.next();
                count++;
            }
            assertThat(count).isEqualTo(total);
            assertThat(last.number()).isEqualTo(total);
            assertThat(((ExchangeDraft) last.draft()).ref()).isEqualTo("r" + (total - 1));
        }
    }

    @Nested
    class Csv {

        @Test
        void columns_in_any_order_give_an_exchange_draft_a_row() {
            List<ImportLine> lines = csv("""
                    returned,kind,date,ref,mediators,breakdown,handedOver,civilians,operation,notes
                    189,prisoners,2024-12-30,2024-12-30,UAE;Qatar,afu:70;tro/azovstal:17;/azovstal:3,150,2,op-1,Azovstal
                    """);

            assertThat(lines).containsExactly(ImportLine.of(2, new ExchangeDraft(null, "2024-12-30",
                    LocalDate.of(2024, 12, 30), "prisoners", "op-1", 189, 150, 2, List.of("UAE", "Qatar"),
                    List.of(new LineDraft("afu", null, 70), new LineDraft("tro", "azovstal", 17),
                            new LineDraft(null, "azovstal", 3)),
                    null, "Azovstal")));
        }

        @Test
        void only_date_kind_and_returned_are_needed_and_empty_cells_are_null() {
            assertThat(csv("date,kind,returned,notes\r\n2024-12-30,bodies,757,\r\n"))
                    .containsExactly(ImportLine.of(2, new ExchangeDraft(null, null, LocalDate.of(2024, 12, 30),
                            "bodies", null, 757, null, null, null, null, null, null)));
        }

        @Test
        void a_cell_written_with_a_leading_quote_against_formulas_reads_back_as_its_text() {
            List<ImportLine> lines = csv("date,kind,returned,ref,notes\r\n"
                    + "2024-12-30,prisoners,1,'=HYPERLINK(1),'+cmd|' /C calc'!A0\r\n"
                    + "2024-12-31,prisoners,2,'plain,'-42\r\n");

            ExchangeDraft first = (ExchangeDraft) lines.get(0).draft();
            ExchangeDraft second = (ExchangeDraft) lines.get(1).draft();
            assertThat(first.ref()).isEqualTo("=HYPERLINK(1)");
            assertThat(first.notes()).isEqualTo("+cmd|' /C calc'!A0");
            assertThat(second.ref()).as("a quote before no formula is the text's own").isEqualTo("'plain");
            assertThat(second.notes()).as("a number was never quoted").isEqualTo("'-42");
        }

        @Test
        void quoted_fields_may_hold_commas_quotes_and_line_breaks_and_rows_keep_their_file_line() {
            List<ImportLine> lines = csv("""
                    date,kind,returned,notes
                    2024-12-30,prisoners,1,"Said ""hello"", then
                    left"
                    2024-12-31,prisoners,2,plain
                    """);

            assertThat(lines).extracting(ImportLine::number).containsExactly(2L, 4L);
            assertThat(((ExchangeDraft) lines.get(0).draft()).notes()).isEqualTo("Said \"hello\", then\nleft");
            assertThat(((ExchangeDraft) lines.get(1).draft()).notes()).isEqualTo("plain");
        }

        @Test
        void what_a_csv_list_of_exchanges_answers_is_read_back_with_its_id_and_sources() {
            List<ImportLine> lines = csv("""
                    id,ref,date,kind,operation,returned,handedOver,civilians,mediators,breakdown,unattributed,sources.url,sources.title,sources.publisher,sources.publishedOn,notes,version,createdAt,updatedAt
                    ex_abc,2024-12-30,2024-12-30,prisoners,,189,150,2,UAE,afu:70,119,https://a.example/1;https://b.example/2,One;Two,UNN;,2024-12-30;,Notes,2,2025-01-02T10:00:00Z,2025-01-03T11:30:00Z
                    """);

            assertThat(lines).containsExactly(ImportLine.of(2, new ExchangeDraft("ex_abc", "2024-12-30",
                    LocalDate.of(2024, 12, 30), "prisoners", null, 189, 150, 2, List.of("UAE"),
                    List.of(new LineDraft("afu", null, 70)),
                    List.of(new SourceDraft("https://a.example/1", "One", "UNN", LocalDate.of(2024, 12, 30)),
                            new SourceDraft("https://b.example/2", "Two", null, null)),
                    "Notes")));
        }

        @Test
        void an_unknown_column_is_a_bad_line_one_naming_it() {
            List<ImportLine> lines = csv("date,kind,returned,colour\n2024-12-30,prisoners,1,red\n");

            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).number()).isEqualTo(1);
            assertThat(lines.get(0).unreadable()).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/colour");
                assertThat(v.message()).startsWith("is not a known column");
            });
        }

        @Test
        void a_header_without_a_required_column_is_a_bad_line_one() {
            assertThat(csv("date,returned\n2024-12-30,1\n"))
                    .containsExactly(bad(1, "/kind", "is a required column"));
        }

        @Test
        void a_cell_that_is_not_a_whole_number_is_a_bad_line_with_its_column() {
            assertThat(csv("date,kind,returned,civilians\n2024-12-30,prisoners,many,2.5\n"))
                    .containsExactly(ImportLine.unreadable(2, List.of(Violation.at("/returned", "must be a whole number"),
                            Violation.at("/civilians", "must be a whole number"))));
        }

        @Test
        void a_malformed_breakdown_is_a_bad_line_pointing_at_its_entry() {
            assertThat(csv("date,kind,returned,breakdown\n2024-12-30,prisoners,10,afu:7;tro:x;navy\n"))
                    .containsExactly(ImportLine.unreadable(2, List.of(
                            Violation.at("/breakdown/1/count", "'x' is not a whole number"),
                            Violation.at("/breakdown/2", "'navy' must be unit:count, unit/cohort:count or /cohort:count"))));
        }

        @Test
        void a_date_that_is_not_a_date_is_a_bad_line() {
            assertThat(csv("date,kind,returned\n30.12.2024,prisoners,10\n"))
                    .containsExactly(bad(2, "/date", "must be a date YYYY-MM-DD"));
        }

        @Test
        void a_row_with_another_number_of_fields_than_the_header_is_a_bad_line() {
            assertThat(csv("date,kind,returned\n2024-12-30,prisoners\n2024-12-30,prisoners,1\n"))
                    .containsExactly(bad(2, "", "has 2 fields; the header names 3 columns"),
                            ImportLine.of(3, new ExchangeDraft(null, null, LocalDate.of(2024, 12, 30), "prisoners",
                                    null, 1, null, null, null, null, null, null)));
        }

        @Test
        void a_quoted_field_never_closed_is_a_bad_line() {
            assertThat(csv("date,kind,returned,notes\n2024-12-30,prisoners,1,\"open\n"))
                    .containsExactly(bad(2, "", "has a quoted field that is never closed"));
        }
    }

    /** An InputStream of {@code lines} generated lines, produced only as it is read. */
    static final class GeneratedStream extends InputStream {
        private final int lines;
        private final java.util.function.IntFunction<String> line;
        private int next;
        private byte[] current = new byte[0];
        private int pos;
        private long bytesRead;

        GeneratedStream(int lines, java.util.function.IntFunction<String> line) {
            this.lines = lines;
            this.line = line;
        }

        long bytesRead() {
            return bytesRead;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (pos == current.length) {
                if (next == lines) {
                    return -1;
                }
                current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(length, current.length - pos);
            System.arraycopy(current, pos, buffer, offset, n);
            pos += n;
            bytesRead += n;
            return n;
        }
    }

    @Nested
    class GivenFields {

        @Test
        void an_ndjson_line_gives_the_fields_it_names_also_as_null_and_not_its_type() {
            assertThat(all(LedgerFiles.ndjson(stream(
                    "{\"type\": \"exchange\", \"id\": \"ex_a\", \"returned\": 5, \"notes\": null}\n"))))
                    .extracting(ImportLine::given).containsExactly(Set.of("id", "returned", "notes"));
        }

        @Test
        void a_csv_file_gives_the_columns_of_its_header_sources_as_one_field_and_not_the_read_only_ones() {
            assertThat(all(LedgerFiles.csv(stream(
                    "id,date,kind,returned,sources.url,sources.title,version,updatedAt\r\n"
                            + "ex_a,2024-12-30,prisoners,5,,,3,2025-01-01T00:00:00Z\r\n"))))
                    .extracting(ImportLine::given)
                    .containsExactly(Set.of("id", "date", "kind", "returned", "sources"));
        }

        @Test
        void an_empty_csv_cell_is_a_null_field_so_that_it_clears_what_is_stored() {
            ExchangeDraft draft = (ExchangeDraft) all(LedgerFiles.csv(stream(
                    "date,kind,returned,notes,mediators,breakdown\r\n2024-12-30,bodies,757,,,\r\n"))).get(0).draft();

            assertThat(draft.notes()).isNull();
            assertThat(draft.mediators()).isNull();
            assertThat(draft.breakdown()).isNull();
        }
    }
}

package org.powledger.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.ImportRejected;
import org.powledger.domain.port.in.ImportRejected.LineProblem;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.domain.port.in.UnitDraft;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

/** {@code POST /api/v1/import}: the body streamed, line by line, into the import use case. */
class ImportRoutesTest extends ApiTest {

    static final String NDJSON = "application/x-ndjson";
    static final long LIMIT = 4096;

    /** What the use case was handed, read to the end inside the call as the real one does. */
    final List<ImportLine> received = new ArrayList<>();
    private long limit = LIMIT;

    @Override
    protected WebSettings settings() {
        return new WebSettings(false, "1.2.3", limit);
    }

    private void theLimitIs(long bytes) {
        limit = bytes;
    }

    @BeforeEach
    void theUseCaseReadsEveryLine() {
        when(transfer.importLines(any(), anyBoolean(), any())).thenAnswer(call -> {
            Iterator<ImportLine> lines = call.getArgument(0);
            lines.forEachRemaining(received::add);
            return new ImportOutcome(received.size(), 0, 0);
        });
    }

    @Test
    void ndjson_lines_reach_the_use_case_as_drafts_and_the_answer_counts_them() {
        api(client -> {
            Reply reply = client.post("/api/v1/import").contentType(NDJSON).json("""
                    {"type": "unit", "id": "afu", "name": "Armed Forces of Ukraine"}
                    {"type": "exchange", "date": "2024-12-30", "kind": "prisoners", "returned": 189}
                    """);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().toString()).isEqualTo("{\"created\":2,\"updated\":0,\"unchanged\":0}");
        });
        assertThat(received).containsExactly(
                ImportLine.of(1, new UnitDraft("afu", "Armed Forces of Ukraine", null)),
                ImportLine.of(2, new ExchangeDraft(null, null, LocalDate.of(2024, 12, 30), "prisoners", null, 189,
                        null, null, null, null, null, null)));
        verify(transfer).importLines(any(), eq(false), eq(ALICE));
    }

    @Test
    void csv_rows_reach_the_use_case_as_exchange_drafts() {
        api(client -> assertThat(client.post("/api/v1/import").contentType("text/csv; charset=utf-8")
                .json("date,kind,returned,breakdown\r\n2024-12-30,prisoners,189,afu:70\r\n").status()).isEqualTo(200));

        assertThat(received).containsExactly(ImportLine.of(2, new ExchangeDraft(null, null,
                LocalDate.of(2024, 12, 30), "prisoners", null, 189, null, null, null,
                List.of(new ExchangeDraft.LineDraft("afu", null, 70)), null, null)));
    }

    @Test
    void bad_lines_reach_the_use_case_with_their_line_number_and_pointer() {
        api(client -> client.post("/api/v1/import").contentType(NDJSON).json("""
                {"type": "unit", "id": "afu", "name": "A"}

                {"type": "exchange", "date": "2024-12-30", "kind": "prisoners", "returned": "many"}
                """));

        assertThat(received).containsExactly(ImportLine.of(1, new UnitDraft("afu", "A", null)),
                ImportLine.unreadable(3, List.of(Violation.at("/returned", "must be a whole number"))));
    }

    @Test
    void dry_run_is_passed_to_the_use_case() {
        api(client -> client.post("/api/v1/import?dryRun=true").contentType(NDJSON).json(""));

        verify(transfer).importLines(any(), eq(true), eq(ALICE));
    }

    @Test
    void dry_run_other_than_true_or_false_is_400() {
        api(client -> {
            Reply reply = client.post("/api/v1/import?dryRun=yes").contentType(NDJSON).json("");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("dryRun");
        });
        verifyNoInteractions(transfer);
    }

    @Test
    void a_rejected_import_is_422_listing_every_bad_line() {
        doThrow(new ImportRejected(List.of(
                new LineProblem(3, "/returned", "is required"),
                new LineProblem(7, "/breakdown/1/unit", "names no unit")), true))
                .when(transfer).importLines(any(), anyBoolean(), any());
        api(client -> {
            Reply reply = client.post("/api/v1/import").contentType(NDJSON).json("{}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            JsonNode problem = reply.json();
            assertThat(problem.get("type").asText()).isEqualTo("urn:powledger:problem:invalid-import");
            assertThat(problem.get("errors").toString()).isEqualTo(
                    "[{\"line\":3,\"pointer\":\"/returned\",\"message\":\"is required\"},"
                            + "{\"line\":7,\"pointer\":\"/breakdown/1/unit\",\"message\":\"names no unit\"}]");
            assertThat(problem.get("truncated").asBoolean()).isTrue();
        });
    }

    @Test
    void a_content_type_other_than_ndjson_or_csv_is_415() {
        api(client -> {
            Reply reply = client.post("/api/v1/import").contentType("application/json").json("{}");

            assertThat(reply.status()).isEqualTo(415);
            assertThat(reply.header("Accept-Post")).isEqualTo("application/x-ndjson, text/csv");
        });
        verifyNoInteractions(transfer);
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_413_before_anything_is_read() {
        api(client -> {
            Reply reply = client.post("/api/v1/import").contentType(NDJSON).json(" ".repeat((int) LIMIT + 1));

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:powledger:problem:body-too-large");
        });
        verifyNoInteractions(transfer);
    }

    @Test
    void a_streamed_body_that_grows_past_the_limit_is_413() {
        String line = "{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"A\"}\n";
        api(client -> {
            byte[] bytes = line.repeat((int) (2 * LIMIT / line.length())).getBytes(StandardCharsets.UTF_8);

            assertThat(client.post("/api/v1/import").contentType(NDJSON)
                    .chunked(() -> new ByteArrayInputStream(bytes)).status()).isEqualTo(413);
        });
    }

    @Test
    void a_body_far_over_the_json_limit_is_streamed_through() {
        // 200,000 lines, several MiB: far over the 1 MiB of JSON bodies, never held whole.
        int total = 200_000;
        String line = "{\"type\": \"unit\", \"id\": \"afu\", \"name\": \"Armed Forces\"}\n";
        theLimitIs(Long.MAX_VALUE);
        api(client -> {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            Supplier<InputStream> lines = () -> new SequenceInputStream(new Enumeration<InputStream>() {
                private int sent;

                @Override
                public boolean hasMoreElements() {
                    return sent < total;
                }

                @Override
                public InputStream nextElement() {
                    sent++;
                    return new ByteArrayInputStream(bytes);
                }
            });

            assertThat(client.post("/api/v1/import").contentType(NDJSON).chunked(lines).status()).isEqualTo(200);
        });
        assertThat(received).hasSize(total);
        assertThat(received.get(total - 1).number()).isEqualTo(total);
    }

    @Test
    void importing_needs_a_token() {
        api(client -> assertThat(client.post("/api/v1/import").noToken().contentType(NDJSON).json("").status())
                .isEqualTo(401));
        verifyNoInteractions(transfer);
    }

    @Test
    void importing_needs_the_write_scope() {
        api(client -> assertThat(client.post("/api/v1/import").token("reader").contentType(NDJSON).json("").status())
                .isEqualTo(403));
        verifyNoInteractions(transfer);
    }
}

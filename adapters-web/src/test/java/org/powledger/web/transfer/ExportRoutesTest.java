package org.powledger.web.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ExchangeDraft.LineDraft;
import org.powledger.domain.port.in.ExchangeDraft.SourceDraft;
import org.powledger.domain.port.in.ImportLine;
import org.powledger.domain.port.in.LedgerDraft;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.domain.port.in.TransferringLedger.LedgerSink;
import org.powledger.domain.port.in.UnitDraft;
import org.powledger.web.ApiTest;
import org.powledger.web.WebSettings;

/** {@code GET /api/v1/export}: the whole ledger as NDJSON that the import reads back. */
class ExportRoutesTest extends ApiTest {

    static final ExchangeRecord DECEMBER_30 = new ExchangeRecord(ExchangeId.of("ex_0123456789abcdef"), 7, 2,
            CREATED, UPDATED, LedgerFixtures.december30());
    static final ReportRecord REPORT = new ReportRecord(ReportId.of("rp_0123456789abcdef"), 1, CREATED,
            new Report(ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 1358, true, LocalDate.of(2025, 1, 2),
                    new Source("https://example.org/r", "Year in review", "Ombudsman", null), "about"));

    private boolean requireReadToken;

    @Override
    protected WebSettings settings() {
        return new WebSettings(requireReadToken, "1.2.3");
    }

    @BeforeEach
    void theLedgerHoldsOneRecordOfEachKind() {
        doAnswer(call -> {
            LedgerSink sink = call.getArgument(0);
            sink.unit(Versioned.first(LedgerFixtures.AFU, CREATED));
            sink.unit(Versioned.first(LedgerFixtures.TRO, CREATED));
            sink.cohort(Versioned.first(LedgerFixtures.AZOVSTAL, CREATED));
            sink.exchange(DECEMBER_30);
            sink.report(REPORT);
            return null;
        }).when(transfer).export(any());
    }

    @Test
    void export_streams_one_line_per_record_with_its_type_first() {
        api(client -> {
            Reply reply = client.get("/api/v1/export").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/x-ndjson");
            List<JsonNode> lines = lines(reply.body());
            assertThat(lines).extracting(line -> line.get("type").asText())
                    .containsExactly("unit", "unit", "cohort", "exchange", "report");
            assertThat(lines).allSatisfy(line -> assertThat(line.fieldNames().next()).isEqualTo("type"));
        });
    }

    @Test
    void export_as_csv_is_every_exchange_in_the_columns_of_the_exchange_list() {
        api(client -> {
            Reply asked = client.get("/api/v1/export?format=csv").send();
            Reply accepted = client.get("/api/v1/export").header("Accept", "text/csv").send();

            assertThat(asked.status()).isEqualTo(200);
            assertThat(asked.contentType()).startsWith("text/csv");
            String[] rows = asked.body().split("\r\n");
            assertThat(rows).hasSize(2);
            assertThat(rows[0]).isEqualTo("id,ref,date,kind,operation,returned,handedOver,civilians,mediators,"
                    + "breakdown,unattributed,sources.url,sources.title,sources.publisher,sources.publishedOn,notes,"
                    + "version,createdAt,updatedAt");
            assertThat(rows[1]).startsWith("ex_0123456789abcdef,");
            assertThat(accepted.body()).isEqualTo(asked.body());
        });
    }

    @Test
    void each_line_has_the_shape_of_the_get_endpoint() {
        api(client -> {
            JsonNode exchange = lines(client.get("/api/v1/export").send().body()).get(3);

            assertThat(exchange.fieldNames()).toIterable().containsExactly("type", "id", "ref", "date", "kind",
                    "operation", "returned", "handedOver", "civilians", "mediators", "breakdown", "unattributed",
                    "sources", "notes", "version", "createdAt", "updatedAt");
            assertThat(exchange.get("id").asText()).isEqualTo("ex_0123456789abcdef");
            assertThat(exchange.get("updatedAt").asText()).isEqualTo("2025-01-03T11:30:00Z");
        });
    }

    @Test
    void what_export_writes_import_reads_back_as_the_same_records() {
        api(client -> {
            byte[] file = client.get("/api/v1/export").send().body().getBytes(StandardCharsets.UTF_8);
            List<LedgerDraft> drafts = new ArrayList<>();
            LedgerFiles.ndjson(new ByteArrayInputStream(file)).forEachRemaining(line -> {
                assertThat(line.unreadable()).isEmpty();
                drafts.add(line.draft());
            });

            assertThat(drafts).containsExactly(
                    new UnitDraft("afu", "Armed Forces of Ukraine", null),
                    new UnitDraft("tro", "Territorial Defence Forces", "afu"),
                    new CohortDraft("azovstal", "Azovstal garrison", 2500, true,
                            "Defenders withdrawn or evacuated from the Azovstal plant in May 2022"),
                    new ExchangeDraft("ex_0123456789abcdef", "2024-12-30", LocalDate.of(2024, 12, 30), "prisoners",
                            null, 189, 150, 2, List.of("UAE"),
                            List.of(new LineDraft("afu", null, 70), new LineDraft("tro", null, 17),
                                    new LineDraft("nsu", null, 43), new LineDraft("dpsu", null, 33),
                                    new LineDraft("navy", null, 24)),
                            List.of(new SourceDraft("https://example.org/2024-12-30",
                                    "Ukraine returns 189 of its citizens", "UNN", null)),
                            "Defenders of Azovstal and Mariupol, Chernobyl NPP, Zmiinyi Island"),
                    new ReportDraft("rp_0123456789abcdef", null, new ReportDraft.ScopeDraft(2024, null, null, null),
                            "peopleReturned", 1358L, true, LocalDate.of(2025, 1, 2),
                            new SourceDraft("https://example.org/r", "Year in review", "Ombudsman", null), "about"));
            assertThat(drafts.get(3)).extracting(d -> ((ExchangeDraft) d).toExchange())
                    .isEqualTo(DECEMBER_30.exchange());
            assertThat(drafts.get(4)).extracting(d -> ((ReportDraft) d).toReport()).isEqualTo(REPORT.report());
        });
    }

    @Test
    void export_is_open_like_other_reads() {
        api(client -> assertThat(client.get("/api/v1/export").send().status()).isEqualTo(200));
    }

    @Test
    void export_needs_a_token_when_reads_do() {
        requireReadToken = true;
        api(client -> {
            assertThat(client.get("/api/v1/export").send().status()).isEqualTo(401);
            assertThat(client.get("/api/v1/export").token("reader").send().status()).isEqualTo(200);
        });
    }

    @Test
    void an_unknown_token_is_401_and_nothing_is_exported() {
        api(client -> assertThat(client.get("/api/v1/export").token("nobody").send().status()).isEqualTo(401));
        verifyNoInteractions(transfer);
    }

    private static List<JsonNode> lines(String body) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            try {
                lines.add(json.readTree(line));
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        assertThat(body).endsWith("\n");
        return lines;
    }
}

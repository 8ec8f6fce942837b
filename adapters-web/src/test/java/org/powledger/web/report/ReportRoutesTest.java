package org.powledger.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.ReportDraft;
import org.powledger.web.ApiTest;

class ReportRoutesTest extends ApiTest {

    static final ReportId ID = ReportId.of("rp_0123456789abcdef");
    static final String BODY = """
            {"scope": {"year": 2024}, "metric": "peopleReturned", "value": 1358, "approximate": false,
             "asOf": "2025-01-02", "source": {"url": "https://example.org/r", "title": "Year in review",
             "publisher": "Coordination HQ", "publishedOn": "2025-01-02"}, "notes": "official"}
            """;

    static ReportRecord yearly() {
        return new ReportRecord(ID, 3, CREATED, new Report(ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED, 1358,
                false, LocalDate.of(2025, 1, 2),
                new Source("https://example.org/r", "Year in review", "Coordination HQ", LocalDate.of(2025, 1, 2)),
                "official"));
    }

    @Test
    void post_report_answers_201_with_location_and_etag() {
        when(reports.record(any(), eq(ALICE))).thenReturn(yearly());
        api(client -> {
            Reply reply = client.post("/api/v1/reports").json(BODY);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/v1/reports/rp_0123456789abcdef");
            assertThat(reply.header("ETag")).isEqualTo("\"1\"");
            JsonNode json = reply.json();
            assertThat(json.fieldNames()).toIterable().containsExactly("id", "ref", "scope", "metric", "value",
                    "approximate", "asOf", "source", "notes", "version", "createdAt");
            assertThat(json.get("scope").toString()).isEqualTo("{\"year\":2024}");
            assertThat(json.get("metric").asText()).isEqualTo("peopleReturned");
            assertThat(json.get("value").asLong()).isEqualTo(1358);
            assertThat(json.get("asOf").asText()).isEqualTo("2025-01-02");
        });
        ArgumentCaptor<ReportDraft> draft = ArgumentCaptor.forClass(ReportDraft.class);
        verify(reports).record(draft.capture(), eq(ALICE));
        assertThat(draft.getValue()).isEqualTo(new ReportDraft(null, null, new ReportDraft.ScopeDraft(2024, null, null, null),
                "peopleReturned", 1358L, false, LocalDate.of(2025, 1, 2),
                new ExchangeDraft.SourceDraft("https://example.org/r", "Year in review", "Coordination HQ",
                        LocalDate.of(2025, 1, 2)), "official"));
    }

    @Test
    void all_time_scope_is_an_empty_object() {
        ReportRecord allTime = new ReportRecord(ID, 1, CREATED, new Report(ReportScope.allTime(), Metric.EXCHANGES,
                60, true, LocalDate.of(2025, 1, 2), null, null));
        when(reports.get(ID)).thenReturn(allTime);
        api(client -> {
            JsonNode json = client.get("/api/v1/reports/" + ID.value()).send().json();

            assertThat(json.get("scope").toString()).isEqualTo("{}");
            assertThat(json.get("approximate").asBoolean()).isTrue();
            assertThat(json.get("source").isNull()).isTrue();
        });
    }

    @Test
    void a_value_with_a_fraction_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post("/api/v1/reports").json("{\"scope\": {}, \"metric\": \"exchanges\", "
                    + "\"value\": 60.5, \"asOf\": \"2025-01-02\"}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/value");
        });
    }

    @Test
    void an_unknown_scope_key_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.post("/api/v1/reports").json("{\"scope\": {\"yaer\": 2024}}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/scope/yaer");
        });
    }

    @Test
    void a_scope_naming_an_unknown_cohort_is_422_from_the_use_case() {
        when(reports.record(any(), any())).thenThrow(InvalidRecord.of("/scope/cohort", "no cohort 'x'"));
        api(client -> assertThat(client.post("/api/v1/reports").json(BODY).status()).isEqualTo(422));
    }

    @Test
    void get_of_an_unknown_report_is_404() {
        when(reports.get(ID)).thenThrow(new NotFound("report", ID.value()));
        api(client -> assertThat(client.get("/api/v1/reports/" + ID.value()).send().status()).isEqualTo(404));
    }

    @Test
    void delete_answers_204() {
        api(client -> assertThat(client.delete("/api/v1/reports/" + ID.value()).send().status()).isEqualTo(204));
        verify(reports).delete(ID, ALICE);
    }

    @Test
    void list_answers_csv_with_scope_and_source_flattened() {
        ReportRecord cohort = new ReportRecord(ReportId.of("rp_2"), 4, CREATED, new Report(
                ReportScope.ofCohort(CohortId.of("azovstal")), Metric.PEOPLE_RETURNED, 1600, true,
                LocalDate.of(2024, 12, 31), null, null));
        when(reports.list(any())).thenReturn(new Page<>(List.of(yearly(), cohort), null));
        api(client -> {
            String[] lines = client.get("/api/v1/reports?format=csv").send().body().split("\r\n");

            assertThat(lines[0]).isEqualTo("id,ref,scope.year,scope.cohort,scope.unit,scope.exchange,metric,value,"
                    + "approximate,asOf,source.url,source.title,source.publisher,source.publishedOn,notes,version,"
                    + "createdAt");
            assertThat(lines[1]).isEqualTo("rp_0123456789abcdef,,2024,,,,peopleReturned,1358,false,2025-01-02,"
                    + "https://example.org/r,Year in review,Coordination HQ,2025-01-02,official,1,"
                    + "2025-01-02T10:00:00Z");
            assertThat(lines[2]).startsWith("rp_2,,,azovstal,,,peopleReturned,1600,true,2024-12-31,,,,,,1,");
        });
    }
}

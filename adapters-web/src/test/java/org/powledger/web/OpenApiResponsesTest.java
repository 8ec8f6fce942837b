package org.powledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.ImportRejected;
import org.powledger.domain.port.in.RecordingExchanges.Recorded;
import org.powledger.domain.port.in.Saved;

/**
 * Answers the route tests do not otherwise give, each checked against {@code openapi.json} by
 * {@link OpenApiConformance} (as every reply of every {@link ApiTest} is): the shapes with nulls and
 * optional parts (a bodies repatriation, a cohort of unknown size, every report scope, a deleted
 * exchange's history), the paging headers, and the problems of each kind.
 */
class OpenApiResponsesTest extends ApiTest {

    static final ExchangeId EXCHANGE = ExchangeId.of("ex_0123456789abcdef");
    static final ExchangeRecord DECEMBER_30 = new ExchangeRecord(EXCHANGE, 1, 2, CREATED, UPDATED,
            LedgerFixtures.exchange().ref("2024-12-30").date("2024-12-30").returned(189).handedOver(150).civilians(2)
                    .mediators("UAE").line("afu", 70).line("azov", "azovstal", 5)
                    .source("https://example.org/a", "Returned", "UNN").notes("n").build());
    static final ExchangeRecord BODIES = new ExchangeRecord(ExchangeId.of("ex_bodies"), 2, 1, CREATED, CREATED,
            LedgerFixtures.exchange().bodies().date("2024-11-29").returned(502).operation("autumn").build());
    static final Versioned<Cohort> MARIUPOL = Versioned.first(
            new Cohort(CohortId.of("mariupol"), "Mariupol", null, false, null), CREATED);

    static ReportRecord report(String id, ReportScope scope, Metric metric) {
        return new ReportRecord(ReportId.of(id), 1, CREATED, new Report(scope, metric, 5, true, LocalDate.of(2025, 1, 2),
                null, null));
    }

    @Test
    void exchanges_of_every_shape_and_a_page_with_a_next_one() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(DECEMBER_30, BODIES), "c_next"));
        when(exchanges.get(EXCHANGE)).thenReturn(DECEMBER_30);
        api(client -> {
            Reply list = client.get("/api/v1/exchanges?limit=2&kind=prisoners&unit=afu&q=azov").send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.header("Link")).contains("rel=\"next\"");
            assertThat(client.get("/api/v1/exchanges?limit=2").header("Accept", "text/csv").send().status())
                    .isEqualTo(200);
            assertThat(client.get("/api/v1/exchanges/ex_0123456789abcdef").send().header("ETag")).isEqualTo("\"2\"");
            assertThat(client.get("/api/v1/exchanges/ex_0123456789abcdef").header("If-None-Match", "\"2\"").send()
                    .status()).isEqualTo(304);
            assertThat(client.get("/api/v1/exchanges?limit=501").send().status()).isEqualTo(400);
            assertThat(client.get("/api/v1/exchanges").token("unknown").send().status()).isEqualTo(401);
        });
    }

    @Test
    void a_repeated_idempotency_key_and_the_writes_that_are_refused() {
        when(exchanges.record(any(), any(), eq("k-1"), anyString())).thenReturn(new Recorded(DECEMBER_30, true));
        when(exchanges.replace(any(), any(), eq(1), any())).thenThrow(new StaleVersion(1, 2));
        when(exchanges.record(any(), any())).thenThrow(new Conflict("ref '2024-12-30' is already used", "ex_other"));
        doThrow(new NotFound("exchange", "ex_gone")).when(exchanges).delete(eq(ExchangeId.of("ex_gone")), any());
        api(client -> {
            String body = OpenApiDocumentTest.EXCHANGE;
            Reply replayed = client.post("/api/v1/exchanges").header("Idempotency-Key", "k-1").json(body);
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(client.post("/api/v1/exchanges").json(body).json().get("existingId").asText())
                    .isEqualTo("ex_other");
            assertThat(client.put("/api/v1/exchanges/ex_0123456789abcdef").header("If-Match", "\"1\"").json(body)
                    .json().get("currentVersion").asInt()).isEqualTo(2);
            assertThat(client.put("/api/v1/exchanges/ex_0123456789abcdef").token("reader").json(body).status())
                    .isEqualTo(403);
            assertThat(client.post("/api/v1/exchanges").header("Idempotency-Key", "").json(body).status())
                    .isEqualTo(400);
            assertThat(client.delete("/api/v1/exchanges/ex_gone").send().status()).isEqualTo(404);
        });
    }

    @Test
    void the_history_of_a_deleted_exchange() {
        when(exchanges.history(EXCHANGE)).thenReturn(List.of(
                new HistoryEntry(EXCHANGE, 1, HistoryEntry.Action.CREATED, CREATED, "alice", DECEMBER_30.exchange()),
                new HistoryEntry(EXCHANGE, 2, HistoryEntry.Action.DELETED, UPDATED, "alice", null)));
        api(client -> {
            Reply history = client.get("/api/v1/exchanges/ex_0123456789abcdef/history").send();
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().at("/items/1/record").isNull()).isTrue();
            assertThat(client.get("/api/v1/exchanges/ex_0123456789abcdef/history?format=csv").send().status())
                    .isEqualTo(200);
        });
    }

    @Test
    void reports_of_every_scope() {
        when(reports.list(any())).thenReturn(new Page<>(List.of(
                report("rp_all", ReportScope.allTime(), Metric.EXCHANGES),
                report("rp_year", ReportScope.ofYear(2024), Metric.PEOPLE_RETURNED),
                report("rp_cohort", ReportScope.ofCohortUnit(CohortId.of("azovstal"), UnitId.of("azov")),
                        Metric.PEOPLE_RETURNED),
                report("rp_unit", ReportScope.ofUnit(UnitId.of("afu")), Metric.BODIES_RETURNED),
                report("rp_ex", ReportScope.ofExchange(EXCHANGE), Metric.FIRST_TIME_UNITS)), "c_next"));
        when(reports.get(ReportId.of("rp_all"))).thenReturn(report("rp_all", ReportScope.allTime(), Metric.EXCHANGES));
        api(client -> {
            assertThat(client.get("/api/v1/reports").send().json().get("items")).hasSize(5);
            assertThat(client.get("/api/v1/reports/rp_all").send().json().get("source").isNull()).isTrue();
            assertThat(client.get("/api/v1/reports/rp_all").header("If-None-Match", "\"1\"").send().status())
                    .isEqualTo(304);
            assertThat(client.post("/api/v1/reports").contentType("text/plain").json("{}").status()).isEqualTo(415);
            assertThat(client.post("/api/v1/reports").json("{\"scope\": ").status()).isEqualTo(400);
            assertThat(client.delete("/api/v1/reports/rp_all").token("reader").send().status()).isEqualTo(403);
        });
    }

    @Test
    void a_cohort_of_unknown_size_and_a_unit_with_no_parent() {
        when(cohorts.get(CohortId.of("mariupol"))).thenReturn(MARIUPOL);
        when(cohorts.list(any())).thenReturn(new Page<>(List.of(MARIUPOL), null));
        when(cohorts.put(any(), eq(3), any())).thenThrow(new StaleVersion(3, 1));
        when(units.list(any())).thenAnswer(call -> new Page<>(List.of(Versioned.first(LedgerFixtures.AFU, CREATED)),
                call.<PageRequest>getArgument(0).cursor() == null ? "c_2" : null));
        api(client -> {
            assertThat(client.get("/api/v1/cohorts/mariupol").send().json().get("size").isNull()).isTrue();
            assertThat(client.get("/api/v1/cohorts/mariupol").header("If-None-Match", "*").send().status())
                    .isEqualTo(304);
            assertThat(client.get("/api/v1/cohorts").send().status()).isEqualTo(200);
            assertThat(client.put("/api/v1/cohorts/mariupol").header("If-Match", "\"3\"")
                    .json("{\"name\": \"Mariupol\"}").status()).isEqualTo(412);
            assertThat(client.put("/api/v1/cohorts/mariupol").header("If-Match", "*")
                    .json("{\"name\": \"Mariupol\"}").status()).isEqualTo(400);
            assertThat(client.get("/api/v1/units").send().header("Link")).contains("cursor=c_2");
            assertThat(client.get("/api/v1/units?format=csv").send().status()).isEqualTo(200);
        });
    }

    @Test
    void an_import_refused_line_by_line() {
        when(transfer.importLines(any(), anyBoolean(), any())).thenThrow(new ImportRejected(List.of(
                new ImportRejected.LineProblem(2, "/returned", "must be between 0 and 100000"),
                new ImportRejected.LineProblem(5, "", "is not well-formed JSON")), true));
        api(client -> {
            Reply reply = client.post("/api/v1/import?dryRun=true").contentType("application/x-ndjson")
                    .json("{\"type\":\"unit\",\"id\":\"afu\",\"name\":\"A\"}\n");
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/line").asInt()).isEqualTo(2);
            assertThat(reply.json().get("truncated").asBoolean()).isTrue();
            assertThat(client.post("/api/v1/import?dryRun=maybe").contentType("text/csv").json("date\r\n").status())
                    .isEqualTo(400);
        });
    }
}

package org.powledger.web.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.domain.port.in.RecordingExchanges.ExchangeFilter;
import org.powledger.web.ApiTest;

class ExchangeRoutesTest extends ApiTest {

    static final ExchangeId ID = ExchangeId.of("ex_0123456789abcdef");

    static final String BODY = """
            {"ref": "2024-12-30", "date": "2024-12-30", "kind": "prisoners", "operation": null,
             "returned": 189, "handedOver": 150, "civilians": 2, "mediators": ["UAE"],
             "breakdown": [{"unit": "afu", "count": 70}, {"unit": "tro", "count": 17},
                           {"unit": "nsu", "count": 43}, {"unit": "azov", "cohort": "azovstal", "count": 5}],
             "sources": [{"url": "https://example.org/a", "title": "Returned", "publisher": "UNN",
                          "publishedOn": "2024-12-30"}],
             "notes": "Azovstal defenders"}
            """;

    static Exchange december30() {
        return LedgerFixtures.exchange().ref("2024-12-30").date("2024-12-30").returned(189).handedOver(150)
                .civilians(2).mediators("UAE").line("afu", 70).line("tro", 17).line("nsu", 43)
                .line("azov", "azovstal", 5).source("https://example.org/a", "Returned", "UNN")
                .notes("Azovstal defenders").build();
    }

    static ExchangeRecord stored(int version) {
        return new ExchangeRecord(ID, 7, version, CREATED, version == 1 ? CREATED : UPDATED, december30());
    }

    @Test
    void post_exchange_answers_201_with_location_and_etag() {
        when(exchanges.record(any(), eq(ALICE))).thenReturn(stored(1));
        api(client -> {
            Reply reply = client.post("/api/v1/exchanges").json(BODY);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/v1/exchanges/ex_0123456789abcdef");
            assertThat(reply.header("ETag")).isEqualTo("\"1\"");
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.json().get("id").asText()).isEqualTo("ex_0123456789abcdef");
        });
    }

    @Test
    void post_passes_the_body_as_a_draft_and_the_token_name_as_actor() {
        when(exchanges.record(any(), any())).thenReturn(stored(1));
        api(client -> client.post("/api/v1/exchanges").json(BODY));

        ArgumentCaptor<ExchangeDraft> draft = ArgumentCaptor.forClass(ExchangeDraft.class);
        verify(exchanges).record(draft.capture(), eq(ALICE));
        assertThat(draft.getValue()).isEqualTo(new ExchangeDraft(null, "2024-12-30", LocalDate.of(2024, 12, 30),
                "prisoners", null, 189, 150, 2, List.of("UAE"),
                List.of(new ExchangeDraft.LineDraft("afu", null, 70), new ExchangeDraft.LineDraft("tro", null, 17),
                        new ExchangeDraft.LineDraft("nsu", null, 43),
                        new ExchangeDraft.LineDraft("azov", "azovstal", 5)),
                List.of(new ExchangeDraft.SourceDraft("https://example.org/a", "Returned", "UNN",
                        LocalDate.of(2024, 12, 30))),
                "Azovstal defenders"));
    }

    @Test
    void exchange_json_has_the_fields_of_the_contract_in_order() {
        when(exchanges.get(ID)).thenReturn(stored(2));
        api(client -> {
            JsonNode json = client.get("/api/v1/exchanges/" + ID.value()).send().json();

            assertThat(json.fieldNames()).toIterable().containsExactly("id", "ref", "date", "kind", "operation",
                    "returned", "handedOver", "civilians", "mediators", "breakdown", "unattributed", "sources",
                    "notes", "version", "createdAt", "updatedAt");
            assertThat(json.get("date").asText()).isEqualTo("2024-12-30");
            assertThat(json.get("kind").asText()).isEqualTo("prisoners");
            assertThat(json.get("operation").isNull()).isTrue();
            assertThat(json.get("unattributed").asInt()).isEqualTo(54);
            assertThat(json.get("breakdown").get(0).toString()).isEqualTo("{\"unit\":\"afu\",\"count\":70}");
            assertThat(json.get("breakdown").get(3).toString())
                    .isEqualTo("{\"unit\":\"azov\",\"cohort\":\"azovstal\",\"count\":5}");
            assertThat(json.get("sources").get(0).fieldNames()).toIterable()
                    .containsExactly("url", "title", "publisher", "publishedOn");
            assertThat(json.get("version").asInt()).isEqualTo(2);
            assertThat(json.get("createdAt").asText()).isEqualTo("2025-01-02T10:00:00Z");
            assertThat(json.get("updatedAt").asText()).isEqualTo("2025-01-03T11:30:00Z");
        });
    }

    @Test
    void get_exchange_carries_its_version_as_etag() {
        when(exchanges.get(ID)).thenReturn(stored(3));
        api(client -> assertThat(client.get("/api/v1/exchanges/" + ID.value()).send().header("ETag"))
                .isEqualTo("\"3\""));
    }

    @Test
    void if_none_match_with_the_current_version_is_304() {
        when(exchanges.get(ID)).thenReturn(stored(3));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges/" + ID.value()).header("If-None-Match", "\"3\"").send();

            assertThat(reply.status()).isEqualTo(304);
            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("ETag")).isEqualTo("\"3\"");
        });
    }

    @Test
    void if_none_match_with_an_older_version_gives_the_record() {
        when(exchanges.get(ID)).thenReturn(stored(3));
        api(client -> assertThat(client.get("/api/v1/exchanges/" + ID.value())
                .header("If-None-Match", "\"2\"").send().status()).isEqualTo(200));
    }

    @Test
    void unknown_exchange_is_404_problem() {
        when(exchanges.get(ID)).thenThrow(new NotFound("exchange", ID.value()));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges/" + ID.value()).send();

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).contains(ID.value());
        });
    }

    @Test
    void an_id_that_cannot_be_an_exchange_id_is_404_without_asking_the_ledger() {
        api(client -> assertThat(client.get("/api/v1/exchanges/not%20an%20id").send().status()).isEqualTo(404));
        verifyNoInteractions(exchanges);
    }

    @Test
    void put_passes_the_if_match_version_and_answers_200_with_the_new_etag() {
        when(exchanges.replace(eq(ID), any(), eq(3), eq(ALICE))).thenReturn(stored(4));
        api(client -> {
            Reply reply = client.put("/api/v1/exchanges/" + ID.value()).header("If-Match", "\"3\"").json(BODY);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo("\"4\"");
            assertThat(reply.json().get("version").asInt()).isEqualTo(4);
        });
        ArgumentCaptor<ExchangeDraft> draft = ArgumentCaptor.forClass(ExchangeDraft.class);
        verify(exchanges).replace(eq(ID), draft.capture(), eq(3), eq(ALICE));
        assertThat(draft.getValue().id()).isEqualTo(ID.value());
    }

    @Test
    void if_match_may_be_bare_or_weak() {
        when(exchanges.replace(eq(ID), any(), eq(3), any())).thenReturn(stored(4));
        api(client -> {
            assertThat(client.put("/api/v1/exchanges/" + ID.value()).header("If-Match", "3").json(BODY).status())
                    .isEqualTo(200);
            assertThat(client.put("/api/v1/exchanges/" + ID.value()).header("If-Match", "W/\"3\"").json(BODY)
                    .status()).isEqualTo(200);
        });
    }

    @Test
    void malformed_if_match_is_400_naming_the_header() {
        api(client -> {
            Reply reply = client.put("/api/v1/exchanges/" + ID.value()).header("If-Match", "\"three\"").json(BODY);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/header").asText()).isEqualTo("If-Match");
        });
        verify(exchanges, never()).replace(any(), any(), any(), any());
    }

    @Test
    void put_without_if_match_is_428() {
        when(exchanges.replace(eq(ID), any(), eq(null), any())).thenThrow(new VersionRequired());
        api(client -> {
            Reply reply = client.put("/api/v1/exchanges/" + ID.value()).json(BODY);

            assertThat(reply.status()).isEqualTo(428);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        });
    }

    @Test
    void stale_if_match_is_412() {
        when(exchanges.replace(eq(ID), any(), eq(2), any())).thenThrow(new StaleVersion(2, 3));
        api(client -> {
            Reply reply = client.put("/api/v1/exchanges/" + ID.value()).header("If-Match", "\"2\"").json(BODY);

            assertThat(reply.status()).isEqualTo(412);
            assertThat(reply.json().get("currentVersion").asInt()).isEqualTo(3);
        });
    }

    @Test
    void delete_answers_204() {
        api(client -> assertThat(client.delete("/api/v1/exchanges/" + ID.value()).send().status()).isEqualTo(204));
        verify(exchanges).delete(ID, ALICE);
    }

    @Test
    void duplicate_ref_is_409_naming_the_existing_id() {
        when(exchanges.record(any(), any())).thenThrow(new Conflict("ref 2024-12-30 is already used", "ex_first"));
        api(client -> {
            Reply reply = client.post("/api/v1/exchanges").json(BODY);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().get("existingId").asText()).isEqualTo("ex_first");
        });
    }

    @Test
    void invalid_record_is_422_listing_every_problem_with_its_pointer() {
        when(exchanges.record(any(), any())).thenThrow(new InvalidRecord(List.of(
                org.powledger.domain.model.Violation.at("/breakdown/2/count", "must be between 1 and 100000"),
                org.powledger.domain.model.Violation.at("/date", "is required"))));
        api(client -> {
            Reply reply = client.post("/api/v1/exchanges").json(BODY);

            assertThat(reply.status()).isEqualTo(422);
            JsonNode json = reply.json();
            assertThat(json.at("/errors/0/pointer").asText()).isEqualTo("/breakdown/2/count");
            assertThat(json.at("/errors/1/pointer").asText()).isEqualTo("/date");
            assertThat(json.at("/errors/1/message").asText()).isEqualTo("is required");
        });
    }

    @Test
    void an_id_in_a_posted_exchange_is_422_at_id_and_reaches_no_use_case() {
        api(client -> {
            Reply reply = client.post("/api/v1/exchanges").json("""
                    {"id": "ex_mine", "date": "2024-12-30", "kind": "prisoners", "returned": 3}""");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/id");
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void read_only_fields_of_a_served_record_are_accepted_and_ignored() {
        when(exchanges.record(any(), any())).thenReturn(stored(1));
        String served = """
                {"date": "2024-12-30", "kind": "prisoners", "returned": 3, "unattributed": 3,
                 "version": 9, "createdAt": "2025-01-02T10:00:00Z", "updatedAt": "2025-01-02T10:00:00Z"}
                """;
        api(client -> assertThat(client.post("/api/v1/exchanges").json(served).status()).isEqualTo(201));
        ArgumentCaptor<ExchangeDraft> draft = ArgumentCaptor.forClass(ExchangeDraft.class);
        verify(exchanges).record(draft.capture(), any());
        assertThat(draft.getValue().id()).isNull();
        assertThat(draft.getValue().returned()).isEqualTo(3);
    }

    @Test
    void list_passes_the_filters_and_the_page() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(stored(1)), null));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?from=2024-01-01&to=2024-12-31&kind=prisoners&unit=afu"
                    + "&cohort=azovstal&mediator=UAE&operation=op-1&q=azovst&limit=20&cursor=abc").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("items").get(0).get("id").asText()).isEqualTo(ID.value());
            assertThat(reply.json().get("nextCursor").isNull()).isTrue();
            assertThat(reply.header("Link")).isNull();
        });
        verify(exchanges).list(new ExchangeFilter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "prisoners",
                "afu", "azovstal", "UAE", "op-1", "azovst"), new PageRequest(20, "abc"));
    }

    @Test
    void list_without_parameters_asks_for_the_first_50() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(), null));
        api(client -> assertThat(client.get("/api/v1/exchanges").send().json().get("items").size()).isZero());
        verify(exchanges).list(ExchangeFilter.none(), new PageRequest(50, null));
    }

    @Test
    void list_has_link_header_when_more_pages() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(stored(1)), "NEXT=="));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?kind=prisoners&cursor=OLD&limit=1").send();

            assertThat(reply.json().get("nextCursor").asText()).isEqualTo("NEXT==");
            assertThat(reply.header("Link"))
                    .isEqualTo("</api/v1/exchanges?kind=prisoners&limit=1&cursor=NEXT%3D%3D>; rel=\"next\"");
        });
    }

    @Test
    void malformed_from_date_is_400_naming_the_parameter() {
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?from=2024-13-01").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("from");
        });
        verifyNoInteractions(exchanges);
    }

    @Test
    void non_numeric_limit_is_400() {
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?limit=ten").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("limit");
        });
    }

    @Test
    void limit_outside_1_to_500_is_400() {
        api(client -> {
            assertThat(client.get("/api/v1/exchanges?limit=0").send().status()).isEqualTo(400);
            assertThat(client.get("/api/v1/exchanges?limit=501").send().status()).isEqualTo(400);
        });
    }

    @Test
    void unknown_query_parameter_is_400_naming_it() {
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?form=2024-01-01").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("form");
        });
    }

    @Test
    void unknown_format_is_400() {
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?format=xml").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo("format");
        });
    }

    @Test
    void list_answers_csv_with_the_breakdown_in_import_form() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(stored(1)), null));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges?format=csv").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/csv");
            String[] lines = reply.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("id,ref,date,kind,operation,returned,handedOver,civilians,mediators,"
                    + "breakdown,unattributed,sources.url,sources.title,sources.publisher,sources.publishedOn,"
                    + "notes,version,createdAt,updatedAt");
            assertThat(lines[1]).contains("afu:70;tro:17;nsu:43;azov/azovstal:5")
                    .startsWith("ex_0123456789abcdef,2024-12-30,2024-12-30,prisoners,,189,150,2,UAE,");
        });
    }

    @Test
    void accept_text_csv_answers_csv() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(), null));
        api(client -> {
            Reply reply = client.get("/api/v1/exchanges").header("Accept", "text/csv").send();

            assertThat(reply.contentType()).startsWith("text/csv");
            assertThat(reply.body()).startsWith("id,ref,date,");
        });
    }

    @Test
    void csv_columns_follow_the_json_fields() {
        when(exchanges.list(any(), any())).thenReturn(new Page<>(List.of(stored(1)), null));
        api(client -> {
            JsonNode item = client.get("/api/v1/exchanges").send().json().get("items").get(0);
            String header = client.get("/api/v1/exchanges?format=csv").send().body().split("\r\n")[0];

            List<String> fromJson = new java.util.ArrayList<>();
            item.fieldNames().forEachRemaining(field -> {
                if (field.equals("sources")) {
                    item.get("sources").get(0).fieldNames().forEachRemaining(f -> fromJson.add("sources." + f));
                } else {
                    fromJson.add(field);
                }
            });
            assertThat(header).isEqualTo(String.join(",", fromJson));
        });
    }

    @Test
    void history_lists_every_version_with_action_actor_and_record() {
        Exchange before = december30();
        when(exchanges.history(ID)).thenReturn(List.of(
                new HistoryEntry(ID, 1, HistoryEntry.Action.CREATED, CREATED, "alice", before),
                new HistoryEntry(ID, 2, HistoryEntry.Action.DELETED, Instant.parse("2025-02-01T00:00:00Z"), "bob",
                        before)));
        api(client -> {
            JsonNode json = client.get("/api/v1/exchanges/" + ID.value() + "/history").send().json();

            JsonNode first = json.get("items").get(0);
            assertThat(first.fieldNames()).toIterable().containsExactly("version", "action", "at", "actor", "record");
            assertThat(first.get("action").asText()).isEqualTo("created");
            assertThat(first.get("at").asText()).isEqualTo("2025-01-02T10:00:00Z");
            assertThat(first.get("actor").asText()).isEqualTo("alice");
            assertThat(first.at("/record/id").asText()).isEqualTo(ID.value());
            assertThat(first.at("/record/returned").asInt()).isEqualTo(189);
            assertThat(json.at("/items/1/action").asText()).isEqualTo("deleted");
        });
    }

    @Test
    void history_answers_csv_on_request() {
        when(exchanges.history(ID)).thenReturn(List.of(
                new HistoryEntry(ID, 1, HistoryEntry.Action.CREATED, CREATED, "alice", december30())));
        api(client -> {
            String[] lines = client.get("/api/v1/exchanges/" + ID.value() + "/history?format=csv").send().body()
                    .split("\r\n");

            assertThat(lines[0]).startsWith("version,action,at,actor,record.id,record.ref,");
            assertThat(lines[1]).startsWith("1,created,2025-01-02T10:00:00Z,alice,ex_0123456789abcdef,")
                    .contains("afu:70;tro:17");
        });
    }
}

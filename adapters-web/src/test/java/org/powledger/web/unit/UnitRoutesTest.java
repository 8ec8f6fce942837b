package org.powledger.web.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.StaleVersion;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.VersionRequired;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.Saved;
import org.powledger.domain.port.in.UnitDraft;
import org.powledger.web.ApiTest;

class UnitRoutesTest extends ApiTest {

    static final String TRO = "{\"name\": \"Territorial Defence Forces\", \"parent\": \"afu\"}";

    static Versioned<Unit> tro(int version) {
        return new Versioned<>(LedgerFixtures.TRO, version, CREATED, UPDATED);
    }

    @Test
    void put_of_a_new_unit_answers_201_with_location_and_etag() {
        when(units.put(any(), eq(null), eq(ALICE))).thenReturn(new Saved<>(tro(1), true));
        api(client -> {
            Reply reply = client.put("/api/v1/units/tro").json(TRO);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/v1/units/tro");
            assertThat(reply.header("ETag")).isEqualTo("\"1\"");
            JsonNode json = reply.json();
            assertThat(json.fieldNames()).toIterable()
                    .containsExactly("id", "name", "parent", "version", "createdAt", "updatedAt");
            assertThat(json.get("parent").asText()).isEqualTo("afu");
        });
        verify(units).put(new UnitDraft("tro", "Territorial Defence Forces", "afu"), null, ALICE);
    }

    @Test
    void put_replacing_a_unit_passes_if_match_and_answers_200() {
        when(units.put(any(), eq(1), any())).thenReturn(new Saved<>(tro(2), false));
        api(client -> {
            Reply reply = client.put("/api/v1/units/tro").header("If-Match", "\"1\"").json(TRO);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Location")).isNull();
            assertThat(reply.header("ETag")).isEqualTo("\"2\"");
        });
    }

    @Test
    void replace_without_if_match_is_428() {
        when(units.put(any(), eq(null), any())).thenThrow(new VersionRequired());
        api(client -> assertThat(client.put("/api/v1/units/tro").json(TRO).status()).isEqualTo(428));
    }

    @Test
    void stale_if_match_is_412() {
        when(units.put(any(), eq(1), any())).thenThrow(new StaleVersion(1, 2));
        api(client -> assertThat(client.put("/api/v1/units/tro").header("If-Match", "1").json(TRO).status())
                .isEqualTo(412));
    }

    @Test
    void unknown_parent_is_422_from_the_use_case() {
        when(units.put(any(), any(), any())).thenThrow(InvalidRecord.of("/parent", "no unit 'xyz'"));
        api(client -> {
            Reply reply = client.put("/api/v1/units/tro").json("{\"name\": \"T\", \"parent\": \"xyz\"}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/parent");
        });
    }

    @Test
    void an_id_in_the_body_must_match_the_path() {
        api(client -> {
            Reply reply = client.put("/api/v1/units/tro").json("{\"id\": \"afu\", \"name\": \"T\"}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/id");
        });
        verifyNoInteractions(units);
    }

    @Test
    void a_served_unit_can_be_sent_back() {
        when(units.put(any(), eq(2), any())).thenReturn(new Saved<>(tro(3), false));
        String served = """
                {"id": "tro", "name": "Territorial Defence Forces", "parent": "afu", "version": 2,
                 "createdAt": "2025-01-02T10:00:00Z", "updatedAt": "2025-01-03T11:30:00Z"}
                """;
        api(client -> assertThat(client.put("/api/v1/units/tro").header("If-Match", "\"2\"").json(served).status())
                .isEqualTo(200));
    }

    @Test
    void get_answers_the_unit_with_etag_and_304_when_unchanged() {
        when(units.get(UnitId.of("tro"))).thenReturn(tro(2));
        api(client -> {
            Reply reply = client.get("/api/v1/units/tro").send();
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo("\"2\"");
            assertThat(reply.json().get("name").asText()).isEqualTo("Territorial Defence Forces");

            assertThat(client.get("/api/v1/units/tro").header("If-None-Match", "W/\"2\"").send().status())
                    .isEqualTo(304);
        });
    }

    @Test
    void a_path_id_that_is_not_a_slug_is_404() {
        api(client -> assertThat(client.get("/api/v1/units/Not_A_Slug").send().status()).isEqualTo(404));
        verifyNoInteractions(units);
    }

    @Test
    void delete_of_a_unit_still_referred_to_is_409() {
        doThrow(new Conflict("unit afu is referred to by 3 exchange lines")).when(units)
                .delete(UnitId.of("afu"), ALICE);
        api(client -> {
            Reply reply = client.delete("/api/v1/units/afu").send();

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().has("existingId")).isFalse();
        });
    }

    @Test
    void list_pages_units() {
        when(units.list(new PageRequest(2, null))).thenReturn(new Page<>(List.of(
                new Versioned<>(LedgerFixtures.AFU, 1, CREATED, CREATED), tro(1)), "c2"));
        api(client -> {
            Reply reply = client.get("/api/v1/units?limit=2").send();

            assertThat(reply.json().get("items").size()).isEqualTo(2);
            assertThat(reply.json().at("/items/0/parent").isNull()).isTrue();
            assertThat(reply.header("Link")).isEqualTo("</api/v1/units?limit=2&cursor=c2>; rel=\"next\"");
        });
    }

    @Test
    void list_answers_csv() {
        when(units.list(any())).thenReturn(new Page<>(List.of(tro(1)), null));
        api(client -> assertThat(client.get("/api/v1/units?format=csv").send().body()).isEqualTo(
                "id,name,parent,version,createdAt,updatedAt\r\n"
                        + "tro,Territorial Defence Forces,afu,1,2025-01-02T10:00:00Z,2025-01-03T11:30:00Z\r\n"));
    }

    @Test
    void csv_without_a_limit_reads_page_after_page_until_the_last() {
        when(units.list(new PageRequest(PageRequest.MAX_LIMIT, null))).thenReturn(new Page<>(List.of(
                new Versioned<>(LedgerFixtures.AFU, 1, CREATED, CREATED)), "c2"));
        when(units.list(new PageRequest(PageRequest.MAX_LIMIT, "c2"))).thenReturn(new Page<>(List.of(tro(1)), null));
        api(client -> {
            Reply reply = client.get("/api/v1/units?format=csv").send();

            assertThat(reply.body().split("\r\n")).extracting(row -> row.split(",")[0])
                    .containsExactly("id", "afu", "tro");
            assertThat(reply.header("Link")).isNull();
        });
    }

    @Test
    void csv_with_a_limit_is_one_page_with_its_link() {
        when(units.list(new PageRequest(1, null))).thenReturn(new Page<>(List.of(tro(1)), "c2"));
        api(client -> {
            Reply reply = client.get("/api/v1/units?format=csv&limit=1").send();

            assertThat(reply.body().split("\r\n")).hasSize(2);
            assertThat(reply.header("Link")).isEqualTo("</api/v1/units?format=csv&limit=1&cursor=c2>; rel=\"next\"");
        });
    }
}

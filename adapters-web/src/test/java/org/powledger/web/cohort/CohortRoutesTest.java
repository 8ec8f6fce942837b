package org.powledger.web.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Cohort;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.CohortDraft;
import org.powledger.domain.port.in.Saved;
import org.powledger.web.ApiTest;

class CohortRoutesTest extends ApiTest {

    static final String AZOVSTAL = """
            {"name": "Azovstal garrison", "size": 2500, "sizeApproximate": true,
             "description": "Defenders withdrawn or evacuated from the Azovstal plant in May 2022"}
            """;

    static Versioned<Cohort> azovstal(int version) {
        return new Versioned<>(LedgerFixtures.AZOVSTAL, version, CREATED, UPDATED);
    }

    @Test
    void put_of_a_new_cohort_answers_201_with_location() {
        when(cohorts.put(any(), eq(null), eq(ALICE))).thenReturn(new Saved<>(azovstal(1), true));
        api(client -> {
            Reply reply = client.put("/api/v1/cohorts/azovstal").json(AZOVSTAL);

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/v1/cohorts/azovstal");
            assertThat(reply.header("ETag")).isEqualTo("\"1\"");
            JsonNode json = reply.json();
            assertThat(json.fieldNames()).toIterable().containsExactly("id", "name", "size", "sizeApproximate",
                    "description", "version", "createdAt", "updatedAt");
            assertThat(json.get("size").asInt()).isEqualTo(2500);
            assertThat(json.get("sizeApproximate").asBoolean()).isTrue();
        });
        verify(cohorts).put(new CohortDraft("azovstal", "Azovstal garrison", 2500, true,
                "Defenders withdrawn or evacuated from the Azovstal plant in May 2022"), null, ALICE);
    }

    @Test
    void put_replacing_passes_if_match_and_answers_200() {
        when(cohorts.put(any(), eq(4), any())).thenReturn(new Saved<>(azovstal(5), false));
        api(client -> {
            Reply reply = client.put("/api/v1/cohorts/azovstal").header("If-Match", "\"4\"").json(AZOVSTAL);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("ETag")).isEqualTo("\"5\"");
        });
    }

    @Test
    void size_given_as_text_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.put("/api/v1/cohorts/azovstal").json("{\"name\": \"A\", \"size\": \"about 2500\"}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/size");
        });
    }

    @Test
    void a_flag_given_as_a_number_is_rejected_with_pointer() {
        api(client -> {
            Reply reply = client.put("/api/v1/cohorts/azovstal").json("{\"name\": \"A\", \"sizeApproximate\": 1}");

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/sizeApproximate");
            assertThat(reply.json().at("/errors/0/message").asText()).isEqualTo("must be true or false");
        });
    }

    @Test
    void get_answers_the_cohort() {
        when(cohorts.get(CohortId.of("azovstal"))).thenReturn(azovstal(1));
        api(client -> assertThat(client.get("/api/v1/cohorts/azovstal").send().json().get("name").asText())
                .isEqualTo("Azovstal garrison"));
    }

    @Test
    void get_of_an_unknown_cohort_is_404() {
        when(cohorts.get(CohortId.of("mariupol"))).thenThrow(new NotFound("cohort", "mariupol"));
        api(client -> assertThat(client.get("/api/v1/cohorts/mariupol").send().status()).isEqualTo(404));
    }

    @Test
    void delete_of_a_cohort_still_referred_to_is_409() {
        doThrow(new Conflict("cohort azovstal is referred to")).when(cohorts).delete(CohortId.of("azovstal"), ALICE);
        api(client -> assertThat(client.delete("/api/v1/cohorts/azovstal").send().status()).isEqualTo(409));
    }

    @Test
    void list_answers_json_and_csv() {
        when(cohorts.list(any())).thenReturn(new Page<>(List.of(azovstal(1)), null));
        api(client -> {
            assertThat(client.get("/api/v1/cohorts").send().json().at("/items/0/id").asText()).isEqualTo("azovstal");
            assertThat(client.get("/api/v1/cohorts").header("Accept", "text/csv").send().body())
                    .startsWith("id,name,size,sizeApproximate,description,version,createdAt,updatedAt\r\n"
                            + "azovstal,Azovstal garrison,2500,true,");
        });
    }
}

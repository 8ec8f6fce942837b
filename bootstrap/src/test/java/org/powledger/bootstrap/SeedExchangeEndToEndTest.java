package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange of 30 December 2024 from the seed news, recorded through the API of the real server
 * on a real SQLite file: 189 returned, 187 of them attributed to units, 2 civilians; then replaced
 * and deleted, with its history telling who did what.
 */
class SeedExchangeEndToEndTest {

    @TempDir
    static Path dir;
    static LiveServer api;

    static final String SEED = """
            {"ref": "2024-12-30", "date": "2024-12-30", "kind": "prisoners", "returned": 189, "civilians": 2,
             "mediators": ["UAE"],
             "breakdown": [{"unit": "afu", "count": 70}, {"unit": "tro", "count": 17},
                           {"unit": "nsu", "count": 43}, {"unit": "dpsu", "count": 33},
                           {"unit": "navy", "count": 24}],
             "sources": [{"url": "https://www.president.gov.ua/", "title": "189 defenders are home",
                          "publisher": "Office of the President", "publishedOn": "2024-12-30"}],
             "notes": "Returned: Armed Forces, Territorial Defence, National Guard, Border Guard, Navy."}
            """;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        api.unit("afu", "Armed Forces of Ukraine", null);
        api.unit("tro", "Territorial Defence Forces", "afu");
        api.unit("nsu", "National Guard of Ukraine", null);
        api.unit("dpsu", "State Border Guard Service", null);
        api.unit("navy", "Navy", null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void the_seed_exchange_reads_back_with_two_unattributed() {
        String id = api.exchange(SEED.replace("\"2024-12-30\", \"date\"", "\"seed-read\", \"date\""));

        JsonNode read = api.get("/api/v1/exchanges/" + id).send().expect(200).json();

        assertThat(read.get("id").asText()).isEqualTo(id);
        assertThat(read.get("ref").asText()).isEqualTo("seed-read");
        assertThat(read.get("date").asText()).isEqualTo("2024-12-30");
        assertThat(read.get("kind").asText()).isEqualTo("prisoners");
        assertThat(read.get("returned").asInt()).isEqualTo(189);
        assertThat(read.get("civilians").asInt()).isEqualTo(2);
        assertThat(read.get("unattributed").asInt()).isEqualTo(2);
        assertThat(read.get("breakdown")).hasSize(5);
        assertThat(read.get("breakdown").get(1).get("unit").asText()).isEqualTo("tro");
        assertThat(read.get("breakdown").get(1).get("count").asInt()).isEqualTo(17);
        assertThat(read.get("mediators").get(0).asText()).isEqualTo("UAE");
        assertThat(read.get("sources").get(0).get("publishedOn").asText()).isEqualTo("2024-12-30");
        assertThat(read.get("version").asInt()).isEqualTo(1);
        assertThat(read.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void recording_is_in_the_history_with_the_token_name_as_actor() {
        String id = api.exchange(SEED.replace("\"2024-12-30\", \"date\"", "\"seed-history\", \"date\""));

        JsonNode history = api.get("/api/v1/exchanges/" + id + "/history").send().expect(200).json().get("items");

        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("action").asText()).isEqualTo("created");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("writer");
        assertThat(history.get(0).get("at").asText()).endsWith("Z");
        assertThat(history.get(0).get("record").get("returned").asInt()).isEqualTo(189);
    }

    @Test
    void replacing_with_if_match_gives_version_two_and_an_updated_entry() {
        String body = SEED.replace("\"2024-12-30\", \"date\"", "\"seed-replace\", \"date\"");
        String id = api.exchange(body);

        LiveServer.Reply replaced = api.put("/api/v1/exchanges/" + id, body.replace("\"returned\": 189", "\"returned\": 190"))
                .header("If-Match", "\"1\"").send().expect(200);

        assertThat(replaced.header("ETag")).contains("\"2\"");
        assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
        assertThat(replaced.json().get("unattributed").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/exchanges/" + id).send().json().get("returned").asInt()).isEqualTo(190);
        JsonNode history = api.get("/api/v1/exchanges/" + id + "/history").send().expect(200).json().get("items");
        assertThat(history).extracting(h -> h.get("action").asText()).containsExactly("created", "updated");
        assertThat(history.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("record").get("returned").asInt()).isEqualTo(190);
        assertThat(history.get(0).get("record").get("returned").asInt()).isEqualTo(189);
    }

    @Test
    void deleting_leaves_a_404_and_a_readable_history_ending_in_deleted() {
        String id = api.exchange(SEED.replace("\"2024-12-30\", \"date\"", "\"seed-delete\", \"date\""));

        api.delete("/api/v1/exchanges/" + id).send().expect(204);

        api.get("/api/v1/exchanges/" + id).send().problem(404);
        JsonNode history = api.get("/api/v1/exchanges/" + id + "/history").send().expect(200).json().get("items");
        assertThat(history).extracting(h -> h.get("action").asText()).containsExactly("created", "deleted");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("writer");
        api.delete("/api/v1/exchanges/" + id).send().problem(404);
    }

    @Test
    void a_deleted_exchange_is_gone_from_the_list() {
        String body = SEED.replace("\"2024-12-30\", \"date\"", "\"seed-reuse\", \"date\"");
        String id = api.exchange(body);
        api.delete("/api/v1/exchanges/" + id).send().expect(204);

        JsonNode list = api.get("/api/v1/exchanges?limit=500").send().expect(200).json();

        assertThat(list.get("items")).extracting(e -> e.get("id").asText()).doesNotContain(id);
    }
}

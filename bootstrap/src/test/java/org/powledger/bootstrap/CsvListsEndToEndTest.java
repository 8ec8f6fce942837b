package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list asked for as CSV without a {@code limit} is every item, never a silently truncated file; with a
 * {@code limit} it pages like JSON.
 */
class CsvListsEndToEndTest {

    /** More than the default page (UnitRoutesTest shows that a streamed list crosses page boundaries). */
    static final int UNITS = 53;
    static final int EXCHANGES = 53;

    @TempDir
    static Path dir;
    static LiveServer api;

    @BeforeAll
    static void start() {
        api = LiveServer.start(dir.resolve("ledger.db"));
        String units = IntStream.range(0, UNITS)
                .mapToObj(i -> "{\"type\": \"unit\", \"id\": \"u%04d\", \"name\": \"Unit %d\"}".formatted(i, i))
                .collect(Collectors.joining("\n"));
        String exchanges = IntStream.range(0, EXCHANGES)
                .mapToObj(i -> ("{\"type\": \"exchange\", \"date\": \"2024-01-%02d\", \"kind\": \"prisoners\","
                        + " \"returned\": %d, \"breakdown\": [{\"unit\": \"u0001\", \"count\": 1}]}")
                        .formatted(i % 28 + 1, i + 1))
                .collect(Collectors.joining("\n"));
        api.post("/api/v1/import", units + "\n" + exchanges + "\n").header("Content-Type", "application/x-ndjson")
                .send().expect(200);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<String> rows(LiveServer.Reply reply) {
        return List.of(reply.expect(200).body().split("\r\n"));
    }

    @Test
    void units_as_csv_without_a_limit_are_every_unit_in_order() {
        LiveServer.Reply reply = api.get("/api/v1/units?format=csv").send();

        List<String> rows = rows(reply);
        assertThat(rows).hasSize(1 + UNITS);
        assertThat(rows.get(0)).startsWith("id,name");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.substring(0, r.indexOf(',')))
                .containsExactlyElementsOf(IntStream.range(0, UNITS).mapToObj("u%04d"::formatted).toList());
        assertThat(reply.header("Link")).isEmpty();
        assertThat(reply.contentType()).startsWith("text/csv");
    }

    @Test
    void exchanges_as_csv_without_a_limit_are_every_exchange_also_when_asked_with_accept() {
        List<String> rows = rows(api.get("/api/v1/exchanges").header("Accept", "text/csv").send());

        assertThat(rows).hasSize(1 + EXCHANGES);
        assertThat(rows.stream().skip(1).map(r -> r.split(",")[0]).distinct()).hasSize(EXCHANGES);
    }

    @Test
    void csv_with_a_limit_pages_like_json() {
        LiveServer.Reply first = api.get("/api/v1/units?format=csv&limit=10").send();

        assertThat(rows(first)).hasSize(11);
        assertThat(first.header("Link")).hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));
    }

    @Test
    void csv_from_a_cursor_without_a_limit_is_every_item_after_it() {
        String next = api.get("/api/v1/units?limit=10").send().json().get("nextCursor").asText();

        List<String> rows = rows(api.get("/api/v1/units?format=csv&cursor=" + next).send());

        assertThat(rows).hasSize(1 + UNITS - 10);
        assertThat(rows.get(1)).startsWith("u0010,");
    }

    @Test
    void json_without_a_limit_still_gives_the_default_page() {
        assertThat(api.get("/api/v1/units").send().expect(200).json().get("items")).hasSize(50);
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.SeedLedger;

/**
 * The example ledger a newcomer loads with {@code examples/load-seeds.sh}: {@code examples/seeds.ndjson}
 * posted as it is to {@code POST /api/v1/import} gives every seed figure, keeps the ids it names, and
 * loads again without changing anything. ({@link ExampleSeedsFileTest} checks that the file is the seed
 * ledger of the domain's fixtures.)
 */
class ExampleLedgerOverHttpTest extends SeedFiguresOverHttpContract {

    /** Relative to the bootstrap module, where Maven runs its tests. */
    static final Path EXAMPLE = Path.of("..", "examples", "seeds.ndjson");

    @Override
    protected void loadSeedLedger(SeedHttp api) {
        SeedHttp.Answer answer = api.post("/import", example(), "application/x-ndjson");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode outcome = answer.json();
        assertThat(outcome.get("created").asLong()).isEqualTo(exampleLines().size());
        assertThat(outcome.get("updated").asLong()).isZero();
        assertThat(outcome.get("unchanged").asLong()).isZero();
    }

    @Test
    void the_example_keeps_the_ids_it_names() {
        assertThat(api.get("/exchanges/ex_2024-12-30").get("ref").asText()).isEqualTo(SeedLedger.DECEMBER_30);
        assertThat(id(SeedLedger.DECEMBER_30)).isEqualTo("ex_2024-12-30");
        assertThat(api.get("/reports/rp_2024_peopleReturned").get("value").asLong())
                .isEqualTo(SeedLedger.RETURNED_2024);
    }

    @Test
    void loading_the_example_again_changes_nothing() {
        SeedHttp.Answer again = api.post("/import", example(), "application/x-ndjson");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("created").asLong()).isZero();
        assertThat(again.json().get("updated").asLong()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(exampleLines().size());
    }

    private static BodyPublisher example() {
        try {
            return BodyPublishers.ofFile(EXAMPLE);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the example file, each one JSON object. */
    static List<ObjectNode> exampleLines() {
        try {
            return Files.readAllLines(EXAMPLE).stream().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return (ObjectNode) SeedJson.JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

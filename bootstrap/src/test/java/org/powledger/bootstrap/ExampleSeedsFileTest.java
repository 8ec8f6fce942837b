package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.ExchangeId;

/**
 * {@code examples/seeds.ndjson} is the seed ledger of the domain's fixtures ({@link SeedLedger}), line
 * for line in the order of recording, so the example a newcomer loads and the ledger every test replays
 * cannot drift apart. The file only adds what a reader needs and no statistic reads: an id for every
 * record ({@code ex_} and the ref for exchanges), and notes.
 */
class ExampleSeedsFileTest {

    private final List<ObjectNode> lines = ExampleLedgerOverHttpTest.exampleLines();

    @Test
    void the_example_is_the_seed_ledger_line_for_line() {
        List<ObjectNode> seedLedger = seedLedgerAsImportLines();
        assertThat(lines).hasSameSizeAs(seedLedger);

        for (int i = 0; i < lines.size(); i++) {
            assertThat(withoutAdditions(lines.get(i), seedLedger.get(i))).as("line %d", i + 1)
                    .isEqualTo(seedLedger.get(i));
        }
    }

    @Test
    void every_record_the_reports_name_has_an_id_the_import_keeps() {
        assertThat(lines).filteredOn(line -> line.get("type").asText().equals("exchange"))
                .allSatisfy(line -> assertThat(ExchangeId.isValid(line.get("id").asText())).isTrue());
        assertThat(lines).filteredOn(line -> line.get("type").asText().equals("report"))
                .allSatisfy(line -> assertThat(line.get("id").asText()).matches("^rp_[A-Za-z0-9_-]{1,61}$"));
    }

    @Test
    void every_report_quotes_the_seed_sentence_it_comes_from() {
        assertThat(lines).filteredOn(line -> line.get("type").asText().equals("report"))
                .allSatisfy(line -> assertThat(line.get("notes").asText()).startsWith("Seed text: \""));
    }

    /** The seed ledger as import lines: units, cohorts, exchanges with the ids the file gives, reports. */
    private static List<ObjectNode> seedLedgerAsImportLines() {
        List<ObjectNode> all = new ArrayList<>();
        SeedLedger.units().forEach(u -> all.add(line("unit", u.id().value(), SeedJson.unit(u))));
        SeedLedger.cohorts().forEach(c -> all.add(line("cohort", c.id().value(), SeedJson.cohort(c))));
        SeedLedger.exchanges().forEach(e -> all.add(line("exchange", "ex_" + e.ref(), SeedJson.exchange(e))));
        SeedLedger.reports(ref -> ExchangeId.of("ex_" + ref))
                .forEach(r -> all.add(line("report", null, SeedJson.report(r))));
        return all;
    }

    /** The file's line less what it may add: a report's id and notes, notes on an exchange without any. */
    private static ObjectNode withoutAdditions(ObjectNode line, ObjectNode seed) {
        ObjectNode copy = line.deepCopy();
        if (copy.path("type").asText().equals("report")) {
            copy.remove(List.of("id", "notes"));
        } else if (copy.path("type").asText().equals("exchange") && !seed.has("notes")) {
            assertThat(copy.path("notes").asText()).startsWith("Illustrative record");
            copy.remove("notes");
        }
        return copy;
    }

    /** One import line, read back as a reader of the file would (numbers as the parser types them). */
    private static ObjectNode line(String type, String id, ObjectNode body) {
        ObjectNode line = SeedJson.JSON.createObjectNode().put("type", type);
        if (id != null) {
            line.put("id", id);
        }
        try {
            return (ObjectNode) SeedJson.JSON.readTree(line.setAll(body).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

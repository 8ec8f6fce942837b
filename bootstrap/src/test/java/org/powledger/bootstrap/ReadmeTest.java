package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link ReadmeIT} reads a document and compares a shown output: the rules that make it fail when
 * a shown output is edited into something the server does not print, and when a block is left unplaced.
 */
class ReadmeTest {

    private static final String CSV_PRINTED = "year,exchanges,peopleReturned\r\n2024,11,1358\r\n";

    @Test
    void a_shown_output_matches_what_was_printed_whatever_the_line_endings() {
        assertThat(Readme.matches("year,exchanges,peopleReturned\n2024,11,1358\n", CSV_PRINTED)).isTrue();
    }

    @Test
    void an_edited_figure_does_not_match() {
        assertThat(Readme.matches("year,exchanges,peopleReturned\n2024,11,1400\n", CSV_PRINTED)).isFalse();
        assertThat(Readme.firstDifference("year,exchanges,peopleReturned\n2024,11,1400\n", CSV_PRINTED))
                .isEqualTo(2);
    }

    @Test
    void a_missing_or_extra_line_does_not_match() {
        assertThat(Readme.matches("year,exchanges,peopleReturned\n", CSV_PRINTED)).isFalse();
        assertThat(Readme.matches("year,exchanges,peopleReturned\n2024,11,1358\n2025,5,1776\n", CSV_PRINTED))
                .isFalse();
    }

    @Test
    void an_ellipsis_stands_for_any_text_within_one_line_only() {
        String printed = "{\"id\":\"ex_jyavrt23mg5n9nq9\",\"version\":1}\n201 /api/v1/exchanges/ex_jyavrt23mg5n9nq9\n";

        assertThat(Readme.matches("{\"id\":\"ex_…\",\"version\":1}\n201 /api/v1/exchanges/ex_…", printed)).isTrue();
        assertThat(Readme.matches("{\"id\":\"ex_…\",\"version\":2}\n201 /api/v1/exchanges/ex_…", printed)).isFalse();
        assertThat(Readme.matches("{\"id\":\"ex_…", printed)).as("… never swallows a line").isFalse();
    }

    @Test
    void one_json_document_may_be_shown_wrapped_and_is_compared_as_json() {
        String printed = "{\"type\":\"urn:powledger:problem:invalid-record\",\"status\":422,\"errors\":[{\"pointer\":\"/kind\"}]}";

        assertThat(Readme.matches("{\"type\": \"urn:powledger:problem:invalid-record\", \"status\": 422,\n"
                + " \"errors\": [{\"pointer\": \"/kind\"}]}", printed)).isTrue();
        assertThat(Readme.matches("{\"type\": \"https://powledger.org/problems/invalid-record\", \"status\": 422,\n"
                + " \"errors\": [{\"pointer\": \"/kind\"}]}", printed)).isFalse();
        assertThat(Readme.matches("{\"type\": \"urn:powledger:problem:invalid-record\", \"status\": 422}", printed))
                .as("a field left out of the shown document").isFalse();
    }

    @Test
    void blocks_are_placed_by_language_and_marker() {
        List<Readme.Block> blocks = Readme.blocks("doc.md", """
                <!-- readme-test: serve -->
                ```sh
                java -jar powledger.jar serve
                ```

                ```sh
                curl -s "$API/stats/yearly"
                ```
                <!-- readme-test: output -->
                ```json
                {"years": []}
                ```

                ```text
                $ curl -s "$API/stats/summary" \\
                    -H 'Accept: application/json'
                {"exchanges":0}
                $ true
                ```
                <!-- readme-test: skip a crontab line -->
                ```cron
                15 3 * * * backup
                ```
                """);

        assertThat(blocks).extracting(Readme.Block::kind).containsExactly(Readme.Kind.SERVE, Readme.Kind.RUN,
                Readme.Kind.OUTPUT, Readme.Kind.TRANSCRIPT, Readme.Kind.SKIP);
        assertThat(blocks.get(4).reason()).isEqualTo("a crontab line");
        assertThat(Readme.steps(blocks.get(3))).containsExactly(
                new Readme.Step("curl -s \"$API/stats/summary\" \\\n    -H 'Accept: application/json'", "{\"exchanges\":0}\n"),
                new Readme.Step("true", ""));
    }

    @Test
    void a_block_the_convention_does_not_place_fails() {
        assertThatThrownBy(() -> Readme.blocks("doc.md", "```json\n{}\n```\n"))
                .hasMessageContaining("doc.md:1").hasMessageContaining("cannot place");
        assertThatThrownBy(() -> Readme.blocks("doc.md", "<!-- readme-test: skip -->\n```cron\nx\n```\n"))
                .hasMessageContaining("must say why");
        assertThatThrownBy(() -> Readme.blocks("doc.md", "<!-- readme-test: sometimes -->\n```sh\nx\n```\n"))
                .hasMessageContaining("unknown readme-test marker");
    }

    @Test
    void a_block_that_would_change_the_machine_or_never_return_is_refused_unmarked() {
        for (String command : List.of("sudo -u postgres createdb ledger", "systemctl restart powledger",
                "install -m 0644 powledger.jar /opt/powledger/powledger.jar",
                "java -jar bootstrap/target/powledger.jar serve --port 8081",
                "for port in 8081 8082; do java -jar powledger.jar serve --port $port & done")) {
            assertThatThrownBy(() -> Readme.blocks("doc.md", "```sh\n" + command + "\n```\n"))
                    .as(command).hasMessageContaining("never run unmarked");
            assertThat(Readme.blocks("doc.md", "<!-- readme-test: skip a production host -->\n```sh\n" + command
                    + "\n```\n")).extracting(Readme.Block::kind).containsExactly(Readme.Kind.SKIP);
        }
        assertThat(Readme.blocks("doc.md", "```sh\ncurl -s \"$API/units\" && echo installed\n```\n"))
                .extracting(Readme.Block::kind).containsExactly(Readme.Kind.RUN);
    }

    @Test
    void a_marker_separated_from_its_block_by_text_does_not_count() {
        assertThatThrownBy(() -> Readme.blocks("doc.md", "<!-- readme-test: output -->\nSome words.\n```json\n{}\n```\n"))
                .hasMessageContaining("cannot place");
    }

    @Test
    void the_project_documents_place_every_block() throws Exception {
        for (String document : List.of("README.md", "examples/README.md")) {
            List<Readme.Block> blocks = Readme.blocks(document, Files.readString(Path.of("..", document)));
            assertThat(blocks).as(document).isNotEmpty();
        }
    }
}

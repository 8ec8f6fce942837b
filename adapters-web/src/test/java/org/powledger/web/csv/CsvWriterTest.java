package org.powledger.web.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CsvWriter csv = new CsvWriter();

    private JsonNode tree(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void csv_quotes_per_rfc4180() throws Exception {
        JsonNode row = tree("{\"a\": \"plain\", \"b\": \"with, comma\", \"c\": \"say \\\"hi\\\"\", "
                + "\"d\": \"two\\nlines\"}");

        String out = csv.write(List.of(row), CsvLayout.of("a", "b", "c", "d"));

        assertThat(out).isEqualTo("a,b,c,d\r\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void nested_objects_become_dotted_columns() throws Exception {
        JsonNode row = tree("{\"year\": 2024, \"change\": {\"peopleReturned\": 356, \"percent\": 35.5}}");

        String out = csv.write(List.of(row), CsvLayout.of("year", "change.peopleReturned", "change.percent"));

        assertThat(out).isEqualTo("year,change.peopleReturned,change.percent\r\n2024,356,35.5\r\n");
    }

    @Test
    void nulls_are_empty_cells() throws Exception {
        JsonNode row = tree("{\"a\": null, \"change\": null, \"b\": true}");

        String out = csv.write(List.of(row), CsvLayout.of("a", "change.peopleReturned", "b"));

        assertThat(out).isEqualTo("a,change.peopleReturned,b\r\n,,true\r\n");
    }

    @Test
    void lists_of_values_are_joined_with_semicolons() throws Exception {
        JsonNode row = tree("{\"units\": [\"afu\", \"tro\"], \"count\": 2}");

        assertThat(csv.write(List.of(row), CsvLayout.of("units", "count")))
                .isEqualTo("units,count\r\nafu;tro,2\r\n");
    }

    @Test
    void lists_of_objects_give_one_joined_column_per_field() throws Exception {
        JsonNode row = tree("{\"sources\": [{\"url\": \"https://a\", \"title\": null}, "
                + "{\"url\": \"https://b\", \"title\": \"B\"}]}");

        assertThat(csv.write(List.of(row), CsvLayout.of("sources.url", "sources.title")))
                .isEqualTo("sources.url,sources.title\r\nhttps://a;https://b,;B\r\n");
    }

    @Test
    void a_layout_may_format_a_column_itself() throws Exception {
        JsonNode row = tree("{\"lines\": [{\"u\": \"afu\", \"n\": 1}, {\"u\": \"tro\", \"n\": 2}]}");
        CsvLayout layout = CsvLayout.of("lines").withFormat("lines", lines -> lines.get(0).get("u").asText()
                + "+" + lines.size());

        assertThat(csv.write(List.of(row), layout)).isEqualTo("lines\r\nafu+2\r\n");
    }

    @Test
    void without_columns_the_fields_of_the_rows_are_the_columns() throws Exception {
        List<JsonNode> rows = List.of(tree("{\"a\": 1, \"b\": {\"c\": 2}}"), tree("{\"a\": 3, \"d\": 4}"));

        assertThat(csv.write(rows, new CsvLayout(List.of(), java.util.Map.of())))
                .isEqualTo("a,b.c,d\r\n1,2,\r\n3,,4\r\n");
    }

    @Test
    void an_empty_list_is_just_the_header() {
        assertThat(csv.write(List.of(), CsvLayout.of("a", "b"))).isEqualTo("a,b\r\n");
    }

    @Test
    void decimals_are_plain_numbers() {
        JsonNode row = json.createObjectNode().put("percent", new java.math.BigDecimal("-1E+2"))
                .put("share", new java.math.BigDecimal("0.5116"));

        String out = csv.write(List.of(row), CsvLayout.of("percent", "share"));

        assertThat(out).isEqualTo("percent,share\r\n-100,0.5116\r\n");
    }
}

package org.powledger.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.json.JsonSupport;

/** The answer shapes later endpoints (statistics) reuse: named lists and single objects, JSON or CSV. */
class RepresentationsTest {

    record Year(int year, int peopleReturned, Change change) {
    }

    record Change(int peopleReturned, Double percent) {
    }

    static final List<Year> YEARS = List.of(new Year(2023, 1002, null), new Year(2024, 1358, new Change(356, 35.5)));
    static final CsvLayout YEAR_CSV = CsvLayout.of("year", "peopleReturned", "change.peopleReturned",
            "change.percent");

    private Javalin app() {
        var mapper = JsonSupport.newMapper();
        Representations answers = new Representations(mapper);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.get("/years", ctx -> {
                QueryParams params = QueryParams.of(ctx, Set.of("format"));
                answers.rows(ctx, answers.format(ctx, params), "years", YEARS, YEAR_CSV);
            });
            config.routes.get("/summary", ctx -> {
                QueryParams params = QueryParams.of(ctx, Set.of("format"));
                answers.object(ctx, answers.format(ctx, params), Map.of("exchanges", 60), CsvLayout.of("exchanges"));
            });
        });
    }

    @Test
    void a_named_list_is_json_under_its_name() {
        JavalinTest.test(app(), (server, client) -> assertThat(client.get("/years").body().string())
                .isEqualTo("{\"years\":[{\"year\":2023,\"peopleReturned\":1002,\"change\":null},"
                        + "{\"year\":2024,\"peopleReturned\":1358,\"change\":{\"peopleReturned\":356,\"percent\":35.5}}]}"));
    }

    @Test
    void a_named_list_as_csv_has_one_row_per_item_with_nested_objects_flattened() {
        JavalinTest.test(app(), (server, client) -> {
            var response = client.get("/years?format=csv");

            assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/csv");
            assertThat(response.headers().get("Vary").get(0)).isEqualTo("Accept");
            assertThat(response.body().string()).isEqualTo("year,peopleReturned,change.peopleReturned,change.percent"
                    + "\r\n2023,1002,,\r\n2024,1358,356,35.5\r\n");
        });
    }

    @Test
    void a_single_object_as_csv_is_one_row() {
        JavalinTest.test(app(), (server, client) -> assertThat(client.get("/summary?format=csv").body().string())
                .isEqualTo("exchanges\r\n60\r\n"));
    }

    @Test
    void csv_is_preferred_only_when_accept_rates_it_above_json() {
        assertThat(Representations.prefersCsv("text/csv")).isTrue();
        assertThat(Representations.prefersCsv("text/csv;q=0.9, application/json")).isFalse();
        assertThat(Representations.prefersCsv("application/json;q=0.5, text/csv")).isTrue();
        assertThat(Representations.prefersCsv("*/*")).isFalse();
        assertThat(Representations.prefersCsv(null)).isFalse();
    }
}

package org.powledger.web.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.powledger.web.csv.CsvLayout;
import org.powledger.web.http.Representations.Format;
import org.powledger.web.http.Representations.Rendered;

/**
 * A statistics answer is written out once while it stays the answer; a new answer (after a write), even
 * an equal one, is written out again, and each format and layout has its own bytes; what is kept stays
 * within a count and a bound of bytes.
 */
class RenderedAnswersTest {

    private static final CsvLayout YEARS = CsvLayout.of("year");
    private static final CsvLayout UNITS = CsvLayout.of("unit");

    private final RenderedAnswers rendered = new RenderedAnswers();
    private final AtomicInteger writtenOut = new AtomicInteger();

    @Test
    void the_same_answer_asked_again_is_sent_as_written_out_the_first_time() {
        List<Integer> answer = List.of(2024, 2025);

        Rendered first = rendered.of(answer, Format.JSON, YEARS, () -> render("first"));
        Rendered again = rendered.of(answer, Format.JSON, YEARS, () -> render("again"));

        assertThat(text(again)).isEqualTo("first");
        assertThat(first).isSameAs(again);
        assertThat(writtenOut).hasValue(1);
    }

    @Test
    void a_new_answer_is_written_out_even_when_it_equals_the_last() {
        rendered.of(List.of(2024, 2025), Format.JSON, YEARS, () -> render("before the write"));

        Rendered after = rendered.of(List.of(2024, 2025), Format.JSON, YEARS, () -> render("after the write"));

        assertThat(text(after)).isEqualTo("after the write");
        assertThat(writtenOut).hasValue(2);
    }

    @Test
    void each_format_and_layout_has_its_own_bytes() {
        List<Integer> answer = List.of(2024);

        rendered.of(answer, Format.JSON, YEARS, () -> render("json"));
        Rendered csv = rendered.of(answer, Format.CSV, YEARS, () -> render("csv"));
        Rendered otherLayout = rendered.of(answer, Format.JSON, UNITS, () -> render("units"));

        assertThat(text(csv)).isEqualTo("csv");
        assertThat(text(otherLayout)).isEqualTo("units");
        assertThat(writtenOut).hasValue(3);
    }

    @Test
    void the_oldest_answers_make_room_for_new_ones() {
        List<Integer> first = List.of(1);
        rendered.of(first, Format.JSON, YEARS, () -> render("first"));
        for (int i = 0; i < 100; i++) {
            rendered.of(List.of(i), Format.JSON, YEARS, () -> render("other"));
        }

        Rendered again = rendered.of(first, Format.JSON, YEARS, () -> render("written out again"));

        assertThat(text(again)).isEqualTo("written out again");
    }

    @Test
    void an_answer_too_large_to_keep_is_written_out_each_time_and_the_kept_stay_within_their_bytes() {
        List<Integer> large = List.of(1);
        byte[] tooLarge = new byte[RenderedAnswers.MAX_BYTES / 4 + 1];
        rendered.of(large, Format.JSON, YEARS, () -> counted(tooLarge));
        rendered.of(large, Format.JSON, YEARS, () -> counted(tooLarge));
        assertThat(writtenOut).hasValue(2);

        List<Integer> first = List.of(2);
        byte[] quarter = new byte[RenderedAnswers.MAX_BYTES / 4];
        rendered.of(first, Format.JSON, YEARS, () -> counted(quarter));
        for (int i = 0; i < 4; i++) {
            rendered.of(List.of(10 + i), Format.JSON, YEARS, () -> counted(quarter));
        }
        rendered.of(first, Format.JSON, YEARS, () -> counted(quarter));

        assertThat(writtenOut).as("the first quarter made room for the fifth").hasValue(2 + 5 + 1);
    }

    private Rendered counted(byte[] body) {
        writtenOut.incrementAndGet();
        return new Rendered("application/json", body);
    }

    private Rendered render(String text) {
        writtenOut.incrementAndGet();
        return new Rendered("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Rendered rendered) {
        return new String(rendered.body(), StandardCharsets.UTF_8);
    }
}

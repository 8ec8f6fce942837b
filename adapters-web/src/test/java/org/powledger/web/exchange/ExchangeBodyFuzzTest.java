package org.powledger.web.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.InvalidRecord;
import org.powledger.domain.model.Violation;
import org.powledger.domain.port.in.ExchangeDraft;
import org.powledger.web.json.JsonBodies;
import org.powledger.web.json.JsonSupport;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;

/**
 * Coverage-guided fuzzing of what {@code POST /api/v1/exchanges} does with a body before it reaches
 * the store: bytes → {@link JsonBodies#parse} → {@link ExchangeBody} → {@link ExchangeDraft} →
 * {@link ExchangeDraft#toExchange}. The only acceptable failures are the documented problems: an
 * {@link HttpProblem} of 400 or 422 from reading, an {@link InvalidRecord} from the rules, each with
 * its place. Anything else thrown (a NullPointerException, an IllegalArgumentException, a
 * StackOverflowError, ...) would be a 500 on the wire and is a finding.
 * <p>
 * {@code mvn verify} runs it in regression mode over the seeds in
 * {@code src/test/resources/org/powledger/web/exchange/ExchangeBodyFuzzTestInputs/}; fuzz it with
 * {@code JAZZER_FUZZ=1 mvn -pl adapters-web test -Dtest=ExchangeBodyFuzzTest}.
 */
class ExchangeBodyFuzzTest {

    private static final JsonBodies BODIES = new JsonBodies(JsonSupport.newMapper());
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 2);

    @FuzzTest(maxDuration = "60s")
    void an_exchange_body_is_read_or_refused_with_a_documented_problem(byte[] input) {
        ExchangeBody body;
        try {
            body = BODIES.parse(input, ExchangeBody.class);
        } catch (HttpProblem problem) {
            assertThat(problem.status()).isIn(400, 422);
            assertThat(problem.detail()).isNotBlank();
            problem.errors().forEach(ExchangeBodyFuzzTest::isPlaced);
            return;
        }
        assertThat(body).isNotNull();
        // What was read can be written back canonically (the idempotency fingerprint does this).
        assertThat(BODIES.canonical(body)).isNotEmpty();
        ExchangeDraft draft = ExchangeMapper.INSTANCE.toDraft(body, null);
        try {
            Exchange exchange = draft.toExchange(TODAY);
            assertThat(exchange.returned()).isBetween(0, 100_000);
            assertThat(exchange.unattributed()).isGreaterThanOrEqualTo(0);
        } catch (InvalidRecord invalid) {
            assertThat(invalid.violations()).isNotEmpty();
            for (Violation v : invalid.violations()) {
                assertThat(v.pointer()).as("pointer of %s", v.message()).isNotNull();
                assertThat(v.pointer()).satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/"));
                assertThat(v.message()).isNotBlank();
            }
        }
    }

    private static void isPlaced(ProblemError error) {
        assertThat(error.message()).isNotBlank();
        if (error.pointer() != null && !error.pointer().isEmpty()) {
            assertThat(error.pointer()).startsWith("/");
        }
    }
}

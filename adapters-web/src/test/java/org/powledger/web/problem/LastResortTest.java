package org.powledger.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.in.TransferringLedger.LedgerSink;
import org.powledger.web.ApiTest;
import org.slf4j.LoggerFactory;

/** Whatever fails, the answer is a problem naming the request's correlation id, and the server goes on. */
class LastResortTest extends ApiTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger problems = (Logger) LoggerFactory.getLogger(ProblemMapping.class);
    private Level problemsLevel;

    @BeforeEach
    void captureTheLog() {
        logged.start();
        root.addAppender(logged);
        problemsLevel = problems.getLevel();
        problems.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseTheLog() {
        root.detachAppender(logged);
        problems.setLevel(problemsLevel);
    }

    @Test
    void an_error_that_is_no_exception_is_a_500_problem_naming_its_correlation_id_and_the_server_goes_on() {
        when(statistics.summary(any(), any())).thenThrow(new OutOfMemoryError("Java heap space (in a test)"));
        when(units.list(any())).thenReturn(new Page<>(List.of(), null));
        api(client -> {
            Reply failed = client.get("/api/v1/stats/summary").send();

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.contentType()).startsWith("application/problem+json");
            String id = failed.header("X-Request-Id");
            assertThat(id).isNotBlank();
            assertThat(failed.json().get("correlationId").asText()).isEqualTo(id);
            assertThat(failed.json().get("detail").asText()).contains(id).doesNotContain("heap");

            assertThat(client.get("/api/v1/units").send().status()).as("the next request").isEqualTo(200);

            List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getFormattedMessage()).contains(id).contains("/api/v1/stats/summary");
            assertThat(errors.get(0).getThrowableProxy().getClassName()).isEqualTo(OutOfMemoryError.class.getName());
            assertThat(errors.get(0).getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void an_unexpected_exception_is_logged_once_under_the_id_the_answer_names() {
        when(statistics.summary(any(), any())).thenThrow(new IllegalStateException("database exploded"));
        api(client -> {
            Reply failed = client.get("/api/v1/stats/summary").send();

            String id = failed.json().get("correlationId").asText();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(logged.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage)).singleElement().asString().contains(id);
        });
    }

    @Test
    void every_problem_names_the_correlation_id_of_its_answer() {
        api(client -> {
            for (Reply problem : List.of(client.get("/api/v1/nothing-here").send(),
                    client.get("/api/v1/exchanges?limit=0").send(),
                    client.post("/api/v1/exchanges").noToken().json("{}"))) {
                assertThat(problem.json().get("correlationId").asText())
                        .isNotBlank().isEqualTo(problem.header("X-Request-Id"));
            }
        });
    }

    @Test
    void every_answer_has_its_own_correlation_id() {
        when(units.list(any())).thenReturn(new Page<>(List.of(), null));
        api(client -> assertThat(client.get("/api/v1/units").send().header("X-Request-Id"))
                .isNotBlank().isNotEqualTo(client.get("/api/v1/units").send().header("X-Request-Id")));
    }

    @Test
    void a_sane_incoming_request_id_is_kept_and_anything_else_replaced() {
        when(units.list(any())).thenReturn(new Page<>(List.of(), null));
        api(client -> {
            assertThat(client.get("/api/v1/units").header("X-Request-Id", "proxy-4f2a9c1e").send()
                    .header("X-Request-Id")).isEqualTo("proxy-4f2a9c1e");
            for (String hostile : List.of("x", "a b c d e f g h", "<script>alert(1)</script>", "9".repeat(65))) {
                assertThat(client.get("/api/v1/units").header("X-Request-Id", hostile).send().header("X-Request-Id"))
                        .as(hostile).isNotEqualTo(hostile).matches("[0-9a-f-]{36}");
            }
        });
    }

    @Test
    void a_client_that_leaves_mid_export_is_one_debug_line_without_a_stack_trace() {
        CountDownLatch exportEnded = new CountDownLatch(1);
        doAnswer(call -> {
            LedgerSink sink = call.getArgument(0);
            try {
                for (int i = 0; i < 10_000_000; i++) {
                    sink.unit(Versioned.first(LedgerFixtures.AFU, Instant.parse("2025-01-02T10:00:00Z")));
                }
                return null;
            } finally {
                exportEnded.countDown();
            }
        }).when(transfer).export(any());
        api(client -> {
            URI origin = URI.create(client.origin());
            try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
                socket.getOutputStream().write("GET /api/v1/export HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                in.readNBytes(64 * 1024);
            }
            assertThat(exportEnded.await(30, TimeUnit.SECONDS)).as("the export stopped").isTrue();
            Thread.sleep(500);

            assertThat(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage)).as("warnings and errors").isEmpty();
            List<ILoggingEvent> aborts = logged.list.stream()
                    .filter(e -> e.getFormattedMessage().contains("Client went away")).toList();
            assertThat(aborts).hasSize(1);
            assertThat(aborts.get(0).getLevel()).isEqualTo(Level.DEBUG);
            assertThat(aborts.get(0).getThrowableProxy()).as("no stack trace").isNull();
        });
    }
}

package org.powledger.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powledger.web.correlation.CorrelationId;
import org.powledger.web.ApiTest;
import org.slf4j.LoggerFactory;

/** One access-log line per request, naming the token's name and the correlation id, never the token. */
class AccessLogTest extends ApiTest {

    static final String BOGUS = "pow_not-a-real-token-0123456789";

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);

    @BeforeEach
    void capture() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
    }

    @Test
    void a_line_per_request_with_route_template_status_token_name_and_correlation_id() {
        api(client -> {
            Reply reply = client.get("/api/v1/units/afu").token("writer").send();

            ILoggingEvent line = only("GET", "/api/v1/units/{id}");
            Map<String, String> fields = line.getMDCPropertyMap();
            assertThat(fields).containsEntry("status", String.valueOf(reply.status()))
                    .containsEntry("tokenName", "alice")
                    .containsEntry("correlationId", reply.header(CorrelationId.HEADER));
            assertThat(fields.get("durationMs")).matches("\\d+");
            assertThat(reply.header(CorrelationId.HEADER)).matches("[0-9a-f-]{36}"); // a random UUID
            assertThat(line.getFormattedMessage()).isEqualTo("GET /api/v1/units/{id} " + reply.status() + " "
                    + fields.get("durationMs") + "ms token=alice correlationId=" + reply.header(CorrelationId.HEADER));
        });
    }

    @Test
    void no_token_reaches_the_log_whether_real_or_bogus() {
        api(client -> {
            client.get("/api/v1/units/afu").token("writer").send();
            client.get("/api/v1/units/afu").token(BOGUS).send();
            client.get("/api/v1/units/afu?token=writer").send();

            assertThat(lines.list).hasSize(3);
            for (ILoggingEvent line : lines.list) {
                String everything = line.getFormattedMessage() + " " + line.getMDCPropertyMap();
                assertThat(everything).doesNotContain("writer").doesNotContain(BOGUS).doesNotContain("?token");
            }
            assertThat(lines.list).extracting(line -> line.getMDCPropertyMap().get("tokenName"))
                    .containsExactly("alice", "(unknown)", "-");
        });
    }

    @Test
    void each_request_has_its_own_correlation_id_and_a_miss_is_logged_too() {
        api(client -> {
            String first = client.get("/health").send().header(CorrelationId.HEADER);
            String second = client.get("/no/such/thing").send().header(CorrelationId.HEADER);

            assertThat(first).isNotEqualTo(second);
            assertThat(only("GET", "NOT_FOUND").getMDCPropertyMap()).containsEntry("status", "404")
                    .containsEntry("correlationId", second);
        });
    }

    private ILoggingEvent only(String method, String route) {
        List<ILoggingEvent> found = lines.list.stream().filter(line -> method.equals(line.getMDCPropertyMap()
                .get("method")) && route.equals(line.getMDCPropertyMap().get("route"))).toList();
        assertThat(found).as(method + " " + route + " in " + lines.list).hasSize(1);
        return found.get(0);
    }
}

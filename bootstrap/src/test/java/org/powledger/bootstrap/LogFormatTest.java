package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.powledger.web.http.AccessLog;
import org.slf4j.LoggerFactory;

/** logback.xml as serve uses it: the access log off the request's thread, every line kept, read once per format. */
class LogFormatTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToTheDefault() {
        LogFormat.text.use();
    }

    @Test
    void the_access_log_is_written_by_a_thread_of_its_own_that_drops_no_line() {
        for (LogFormat format : LogFormat.values()) {
            format.use();
            Logger access = context.getLogger(AccessLog.LOGGER);

            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            access.iteratorForAppenders().forEachRemaining(appenders::add);
            assertThat(appenders).singleElement().isInstanceOf(AsyncAppender.class);
            AsyncAppender async = (AsyncAppender) appenders.get(0);
            assertThat(async.getDiscardingThreshold()).as("INFO lines kept when the queue fills").isZero();
            assertThat(async.isNeverBlock()).as("a full queue makes the request wait").isFalse();
            assertThat(async.getAppender(format.name())).as("writes the " + format + " lines").isNotNull();
            assertThat(access.isAdditive()).as("each line written once").isFalse();
        }
    }

    @Test
    void the_format_already_in_use_is_not_configured_again_another_one_is() {
        LogFormat.text.use();
        ListAppender<ILoggingEvent> marker = new ListAppender<>();
        marker.setName("marker");
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(marker);

        LogFormat.text.use();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("marker")).as("no reset").isSameAs(marker);

        LogFormat.json.use();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("marker")).as("configured anew").isNull();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json")).isNotNull();
    }
}

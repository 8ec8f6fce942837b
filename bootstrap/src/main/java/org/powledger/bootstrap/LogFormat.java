package org.powledger.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * How the server writes its logs on stderr: {@code text} lines or {@code json} lines (one object a
 * line). Both are configured in {@code logback.xml}, which picks one by the system property
 * {@value #PROPERTY}, else the environment variable {@code POWLEDGER_LOG_FORMAT}, else text.
 */
enum LogFormat {
    text, json;

    static final String PROPERTY = "powledger.logFormat";

    /** Configures Logback again from {@code logback.xml}, now writing this format. */
    void use() {
        System.setProperty(PROPERTY, name());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml cannot be read: " + e.getMessage(), e);
        }
    }
}

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
    /** The context property logback.xml names the format it configured with. */
    private static final String FORMAT = "format";

    /**
     * Configures Logback again from {@code logback.xml}, now writing this format, unless it writes it
     * already (the file was read when logging started; reading it again only costs start-up time).
     */
    void use() {
        System.setProperty(PROPERTY, name());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (name().equals(context.getProperty(FORMAT))) {
            return;
        }
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the lines still queued (the access log is written by a thread of its own) and stops
     * logging; for the end of the process, which would otherwise drop them.
     */
    static void flush() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}

package org.powledger.web.problem;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * A client that closes its connection while the answer is being written (an export it stopped
 * reading) is no failure of the server: it is worth a line at DEBUG, not an ERROR with a stack trace.
 */
final class ClientAborts {

    private ClientAborts() {
    }

    /** Whether {@code failure}, or anything that caused it, is the peer having gone away. */
    static boolean isClientAbort(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Jetty's EofException is an EOFException; a closed channel is what a later write meets.
            if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null) {
                String message = cause.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.powledger.bootstrap;

/** A command used wrongly or given bad data: one line on stderr, exit code 1. */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}

package org.powledger.domain.model;

/**
 * The store cannot answer right now (503 with {@code Retry-After}): its database is unreachable, or a
 * write waited too long for its turn. Nothing was written; the same request may be sent again later.
 */
public final class StoreUnavailable extends RuntimeException {

    /** How long a client should wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

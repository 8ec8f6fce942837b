package org.powledger.domain.model;

import java.time.Duration;

/**
 * A write that could not get the store within the time a client may wait (503): another write holds
 * it. Nothing was written; the same request may be sent again after {@code retryAfter}.
 */
public final class StoreBusy extends RuntimeException {

    /** What a client is told to wait before sending the write again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public StoreBusy(Duration waited) {
        super("The ledger is busy with another write (waited " + waited.toMillis()
                + " ms); nothing was written, send the request again shortly");
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}

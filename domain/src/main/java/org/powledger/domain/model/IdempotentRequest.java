package org.powledger.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A create that a client may send again: its {@code Idempotency-Key} (scoped to the client that sent
 * it), a fingerprint of what it asked for, and, once done, the id of the record (exchange or report) it
 * created.
 */
public record IdempotentRequest(String key, String fingerprint, String record, Instant at) {

    public static final int MAX_KEY = 255;

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(at, "at");
    }

    /** The key as stored: the same key sent by two clients names two different requests. */
    public static String scoped(String actor, String key) {
        return actor + "\u0000" + key;
    }

    /** A key sent with a report: the same key sent to create an exchange names another request. */
    public static String scopedToReports(String actor, String key) {
        return actor + "\u0000report\u0000" + key;
    }
}

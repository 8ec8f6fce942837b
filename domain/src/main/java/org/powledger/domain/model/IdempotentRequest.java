package org.powledger.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A create that a client may send again: its {@code Idempotency-Key} (scoped to the client that sent
 * it), a fingerprint of what it asked for, and, once done, the exchange it created.
 */
public record IdempotentRequest(String key, String fingerprint, ExchangeId exchange, Instant at) {

    public static final int MAX_KEY = 255;

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(at, "at");
    }

    /** The key as stored: the same key sent by two clients names two different requests. */
    public static String scoped(String actor, String key) {
        return actor + "\u0000" + key;
    }
}

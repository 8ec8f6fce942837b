package org.powledger.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An API token as stored: never the secret itself, only its SHA-256 hash. */
public record Token(String name, AccessScope scope, String hash, Instant createdAt) {

    public Token {
        if (!Slug.isValid(name)) {
            throw InvalidRecord.of("/name", Slug.RULE);
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

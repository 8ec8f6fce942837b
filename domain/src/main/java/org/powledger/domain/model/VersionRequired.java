package org.powledger.domain.model;

/** Replacing a record needs {@code If-Match} with the version it replaces (428). */
public final class VersionRequired extends RuntimeException {

    public VersionRequired() {
        super("Replacing a record needs an If-Match header with its current version");
    }
}

package org.powledger.domain.model;

/** {@code If-Match} names a version that is no longer the current one (412). */
public final class StaleVersion extends RuntimeException {

    private final int currentVersion;

    public StaleVersion(int expected, int currentVersion) {
        super("If-Match names version " + expected + " but the current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}

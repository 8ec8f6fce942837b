package org.powledger.domain.model;

/**
 * A write that contradicts what the ledger already holds (409): a {@code ref} already used, a unit
 * still referred to. {@code existingId} names the record in the way, when there is one.
 */
public final class Conflict extends RuntimeException {

    private final String existingId;

    public Conflict(String message, String existingId) {
        super(message);
        this.existingId = existingId;
    }

    public Conflict(String message) {
        this(message, null);
    }

    public String existingId() {
        return existingId;
    }
}

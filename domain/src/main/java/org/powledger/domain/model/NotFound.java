package org.powledger.domain.model;

/** Nothing is recorded under the id a request names (404). */
public final class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super("No " + what + " '" + id + "'");
    }
}

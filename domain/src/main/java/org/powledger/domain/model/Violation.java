package org.powledger.domain.model;

import java.util.Objects;

/**
 * One problem with a request: where it is (a JSON Pointer into the request body, or the name of a
 * query parameter) and what is wrong.
 */
public record Violation(String pointer, String parameter, String message) {

    public Violation {
        Objects.requireNonNull(message, "message");
        if ((pointer == null) == (parameter == null)) {
            throw new IllegalArgumentException("a violation names either a pointer or a parameter");
        }
    }

    public static Violation at(String pointer, String message) {
        return new Violation(pointer, null, message);
    }

    public static Violation ofParameter(String parameter, String message) {
        return new Violation(null, parameter, message);
    }

    /** The same problem seen from an enclosing document: {@code /count} becomes {@code /breakdown/2/count}. */
    Violation under(String prefix) {
        return pointer == null ? this : at(prefix + pointer, message);
    }
}

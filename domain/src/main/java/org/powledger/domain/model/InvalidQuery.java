package org.powledger.domain.model;

import java.util.List;

/** A query parameter that cannot be understood (400), naming the parameter. */
public final class InvalidQuery extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidQuery(String parameter, String message) {
        super(parameter + ": " + message);
        this.violations = List.of(Violation.ofParameter(parameter, message));
    }

    public List<Violation> violations() {
        return violations;
    }
}

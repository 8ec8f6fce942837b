package org.powledger.domain.model;

import java.util.List;

/** A record that breaks one or more of the ledger's rules; lists every problem, not only the first. */
public final class InvalidRecord extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRecord(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid record has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidRecord of(String pointer, String message) {
        return new InvalidRecord(List.of(Violation.at(pointer, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        return violations.isEmpty() ? "invalid record"
                : violations.get(0).pointer() + ": " + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
    }
}

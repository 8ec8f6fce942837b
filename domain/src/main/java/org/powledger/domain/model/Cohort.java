package org.powledger.domain.model;

import java.util.Optional;

/** People captured together, such as the Azovstal garrison; {@code size} may be approximate or unknown. */
public record Cohort(CohortId id, String name, Integer size, boolean sizeApproximate, String description) {

    public static final int MAX_SIZE = 10_000_000;

    public Cohort {
        name = Text.optional(name);
        description = Text.optional(description);
        Violations v = new Violations();
        v.check(id != null, "/id", "is required");
        Text.checkRequired(v, name, 200, "/name");
        v.check(size == null || size >= 1 && size <= MAX_SIZE, "/size", "must be between 1 and " + MAX_SIZE);
        v.check(size != null || !sizeApproximate, "/sizeApproximate", "needs a size");
        Text.checkLength(v, description, 10_000, "/description");
        v.throwIfAny();
    }

    public Optional<Integer> knownSize() {
        return Optional.ofNullable(size);
    }
}

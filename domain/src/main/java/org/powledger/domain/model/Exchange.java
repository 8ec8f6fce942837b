package org.powledger.domain.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One exchange (or one stage of an exchange operation) as the sources state it: when, what kind,
 * how many came home and went the other way, and who they were.
 */
public record Exchange(
        String ref,
        LocalDate date,
        Kind kind,
        String operation,
        int returned,
        Integer handedOver,
        Integer civilians,
        List<String> mediators,
        List<BreakdownLine> breakdown,
        List<Source> sources,
        String notes) {

    public static final int MAX_RETURNED = 100_000;
    public static final int MAX_LINES = 1_000;
    public static final int MAX_SOURCES = 50;
    public static final int MAX_MEDIATORS = 20;

    public Exchange {
        ref = Text.optional(ref);
        operation = Text.optional(operation);
        notes = Text.optional(notes);
        mediators = mediators == null ? List.of()
                : mediators.stream().map(m -> m == null ? "" : m.strip()).toList();
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        sources = sources == null ? List.of() : List.copyOf(sources);

        Violations v = new Violations();
        Text.checkLength(v, ref, 200, "/ref");
        v.check(date != null, "/date", "is required");
        v.check(kind != null, "/kind", "is required; one of prisoners, bodies");
        Text.checkLength(v, operation, 200, "/operation");
        v.check(returned >= 0 && returned <= MAX_RETURNED, "/returned", between(0, MAX_RETURNED));
        v.check(handedOver == null || handedOver >= 0 && handedOver <= MAX_RETURNED, "/handedOver",
                between(0, MAX_RETURNED));
        if (civilians != null) {
            v.check(kind != Kind.BODIES, "/civilians", "is only recorded for exchanges of prisoners");
            v.check(civilians >= 0, "/civilians", "must not be negative");
            v.check(civilians <= Math.max(returned, 0), "/civilians", "must not exceed returned");
        }
        checkMediators(v, mediators);
        v.check(breakdown.size() <= MAX_LINES, "/breakdown", "must have at most " + MAX_LINES + " lines");
        if (breakdown.size() <= MAX_LINES) {
            // Beyond the limit one problem says it all: listing every repeated line would only bury it.
            checkLinesUnique(v, breakdown);
        }
        long attributed = breakdown.stream().mapToLong(BreakdownLine::count).sum();
        if (returned >= 0) {
            v.check(attributed <= returned, "/breakdown",
                    "lines add up to " + attributed + ", more than the " + returned + " returned");
        }
        v.check(sources.size() <= MAX_SOURCES, "/sources", "must have at most " + MAX_SOURCES + " sources");
        Text.checkLength(v, notes, 10_000, "/notes");
        v.throwIfAny();
    }

    /** The returned people no breakdown line accounts for. */
    public int unattributed() {
        return returned - breakdown.stream().mapToInt(BreakdownLine::count).sum();
    }

    public boolean isOfPrisoners() {
        return kind == Kind.PRISONERS;
    }

    public boolean mentions(UnitId unit) {
        return breakdown.stream().anyMatch(line -> unit.equals(line.unit()));
    }

    public boolean mentions(CohortId cohort) {
        return breakdown.stream().anyMatch(line -> cohort.equals(line.cohort()));
    }

    private static void checkMediators(Violations v, List<String> mediators) {
        v.check(mediators.size() <= MAX_MEDIATORS, "/mediators", "must have at most " + MAX_MEDIATORS + " entries");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mediators.size(); i++) {
            String m = mediators.get(i);
            if (m.isEmpty()) {
                v.add("/mediators/" + i, "must not be blank");
            } else {
                Text.checkLength(v, m, 100, "/mediators/" + i);
                v.check(seen.add(m.toLowerCase(java.util.Locale.ROOT)), "/mediators/" + i, "is listed twice");
            }
        }
    }

    private static void checkLinesUnique(Violations v, List<BreakdownLine> breakdown) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < breakdown.size(); i++) {
            BreakdownLine line = Objects.requireNonNull(breakdown.get(i), "breakdown line");
            v.check(seen.add(line.key()), "/breakdown/" + i,
                    "another line already has this unit and cohort");
        }
    }

    private static String between(int min, int max) {
        return "must be between " + min + " and " + max;
    }
}

package org.powledger.domain.model;

import java.time.LocalDate;

/**
 * A figure an official or a publication stated, kept with its source to be checked against the ledger.
 * {@code ref} (optional) is the client's own unique key for it, so that a re-run script never records a
 * figure twice.
 */
public record Report(String ref, ReportScope scope, Metric metric, long value, boolean approximate, LocalDate asOf,
                     Source source, String notes) {

    public static final long MAX_VALUE = 100_000_000L;

    public Report {
        ref = Text.optional(ref);
        notes = Text.optional(notes);
        Violations v = new Violations();
        Text.checkLength(v, ref, 200, "/ref");
        v.check(scope != null, "/scope", "is required");
        v.check(metric != null, "/metric", "is required; one of exchanges, peopleReturned, bodiesReturned, firstTimeUnits");
        v.check(value >= 0 && value <= MAX_VALUE, "/value", "must be a whole number between 0 and " + MAX_VALUE);
        v.check(asOf != null, "/asOf", "is required");
        if (metric == Metric.FIRST_TIME_UNITS && scope != null) {
            v.check(scope.isExchange(), "/metric", "firstTimeUnits takes only an exchange scope");
        }
        Text.checkLength(v, notes, 10_000, "/notes");
        v.throwIfAny();
    }

    /** A report without the client's own key ({@code ref}). */
    public Report(ReportScope scope, Metric metric, long value, boolean approximate, LocalDate asOf, Source source,
                  String notes) {
        this(null, scope, metric, value, approximate, asOf, source, notes);
    }
}

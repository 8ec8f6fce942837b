package org.powledger.domain.model;

import java.time.LocalDate;

/** A figure an official or a publication stated, kept with its source to be checked against the ledger. */
public record Report(ReportScope scope, Metric metric, long value, boolean approximate, LocalDate asOf,
                     Source source, String notes) {

    public static final long MAX_VALUE = 100_000_000L;

    public Report {
        notes = Text.optional(notes);
        Violations v = new Violations();
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
}

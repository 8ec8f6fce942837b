package org.powledger.domain.port.in;

import java.time.LocalDate;
import java.util.Set;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Metric;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Violations;

/** A report as a client sent it, not yet checked. {@code id} is set only by imports that keep ids. */
public record ReportDraft(String id, String ref, ScopeDraft scope, String metric, Long value, Boolean approximate,
                          LocalDate asOf, ExchangeDraft.SourceDraft source, String notes)
        implements LedgerDraft {

    public record ScopeDraft(Integer year, String cohort, String unit, String exchange) {

        ReportScope toScope() {
            Violations v = new Violations();
            CohortId c = cohort == null ? null : v.attempt("/cohort", () -> CohortId.of(cohort)).orElse(null);
            UnitId u = unit == null ? null : v.attempt("/unit", () -> UnitId.of(unit)).orElse(null);
            ExchangeId e = exchange == null ? null : v.attempt("/exchange", () -> ExchangeId.of(exchange)).orElse(null);
            v.throwIfAny();
            return new ReportScope(year, c, u, e);
        }
    }

    /**
     * This draft with every field that {@code given} does not name taken from {@code stored}: an update
     * by import changes only what its line gives (see {@link ImportLine#given()}).
     */
    public ReportDraft keeping(Report stored, Set<String> given) {
        ReportScope s = stored.scope();
        return new ReportDraft(id, ImportLine.gives(given, "ref") ? ref : stored.ref(),
                ImportLine.gives(given, "scope") ? scope : new ScopeDraft(s.year(),
                        s.cohort() == null ? null : s.cohort().value(), s.unit() == null ? null : s.unit().value(),
                        s.exchange() == null ? null : s.exchange().value()),
                ImportLine.gives(given, "metric") ? metric : stored.metric().wireName(),
                ImportLine.gives(given, "value") ? value : Long.valueOf(stored.value()),
                ImportLine.gives(given, "approximate") ? approximate : Boolean.valueOf(stored.approximate()),
                ImportLine.gives(given, "asOf") ? asOf : stored.asOf(),
                ImportLine.gives(given, "source") ? source : ExchangeDraft.SourceDraft.of(stored.source()),
                ImportLine.gives(given, "notes") ? notes : stored.notes());
    }

    public Report toReport() {
        return toReport(null);
    }

    /** Checks every rule, and that {@code asOf} is not after {@code today} (null: no such check). */
    public Report toReport(LocalDate today) {
        Violations v = new Violations();
        if (asOf != null && today != null) {
            v.check(!asOf.isAfter(today), "/asOf", "must not lie in the future (today is " + today + ")");
        }
        ReportScope parsedScope = null;
        if (scope == null) {
            v.add("/scope", "is required");
        } else {
            parsedScope = v.attempt("/scope", scope::toScope).orElse(null);
        }
        Metric parsedMetric = null;
        if (metric != null) {
            parsedMetric = Metric.parse(metric).orElse(null);
            v.check(parsedMetric != null, "/metric",
                    "must be one of exchanges, peopleReturned, bodiesReturned, firstTimeUnits");
        }
        v.check(value != null, "/value", "is required");
        Source parsedSource = source == null ? null : v.attempt("/source", source::toSource).orElse(null);
        ReportScope s = parsedScope;
        Metric m = parsedMetric;
        Report report = v.attempt("", () -> new Report(ref, s, m, value == null ? 0 : value,
                Boolean.TRUE.equals(approximate), asOf, parsedSource, notes)).orElse(null);
        v.throwIfAny();
        return report;
    }
}

package org.powledger.domain.port.in;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Violations;

/**
 * An exchange as a client sent it, not yet checked: {@link #toExchange()} checks every rule at once
 * and reports every problem with its JSON pointer.
 */
public record ExchangeDraft(String id, String ref, LocalDate date, String kind, String operation, Integer returned,
                            Integer handedOver, Integer civilians, List<String> mediators,
                            List<LineDraft> breakdown, List<SourceDraft> sources, String notes)
        implements LedgerDraft {

    public record LineDraft(String unit, String cohort, Integer count) {

        static LineDraft of(BreakdownLine line) {
            return new LineDraft(line.unit() == null ? null : line.unit().value(),
                    line.cohort() == null ? null : line.cohort().value(), line.count());
        }

        BreakdownLine toLine() {
            Violations v = new Violations();
            UnitId unitId = unit == null ? null : v.attempt("/unit", () -> UnitId.of(unit)).orElse(null);
            CohortId cohortId = cohort == null ? null : v.attempt("/cohort", () -> CohortId.of(cohort)).orElse(null);
            v.check(count != null, "/count", "is required");
            // Problems already found keep their place: the line's own checks add only new ones.
            BreakdownLine line = v.attempt("", () -> new BreakdownLine(unitId, cohortId, count == null ? 1 : count))
                    .orElse(null);
            v.throwIfAny();
            return line;
        }
    }

    public record SourceDraft(String url, String title, String publisher, LocalDate publishedOn) {

        public static SourceDraft of(Source source) {
            return source == null ? null
                    : new SourceDraft(source.url(), source.title(), source.publisher(), source.publishedOn());
        }

        public Source toSource() {
            return new Source(url, title, publisher, publishedOn);
        }
    }

    /**
     * This draft with every field that {@code given} does not name taken from {@code stored}: an update
     * by import changes only what its line gives (see {@link ImportLine#given()}).
     */
    public ExchangeDraft keeping(Exchange stored, Set<String> given) {
        return new ExchangeDraft(id,
                ImportLine.gives(given, "ref") ? ref : stored.ref(),
                ImportLine.gives(given, "date") ? date : stored.date(),
                ImportLine.gives(given, "kind") ? kind : stored.kind().wireName(),
                ImportLine.gives(given, "operation") ? operation : stored.operation(),
                ImportLine.gives(given, "returned") ? returned : Integer.valueOf(stored.returned()),
                ImportLine.gives(given, "handedOver") ? handedOver : stored.handedOver(),
                ImportLine.gives(given, "civilians") ? civilians : stored.civilians(),
                ImportLine.gives(given, "mediators") ? mediators : stored.mediators(),
                ImportLine.gives(given, "breakdown") ? breakdown
                        : stored.breakdown().stream().map(LineDraft::of).toList(),
                ImportLine.gives(given, "sources") ? sources
                        : stored.sources().stream().map(SourceDraft::of).toList(),
                ImportLine.gives(given, "notes") ? notes : stored.notes());
    }

    public Exchange toExchange() {
        return toExchange(null);
    }

    /** Checks every rule, and that the exchange is not dated after {@code today} (null: no such check). */
    public Exchange toExchange(LocalDate today) {
        Violations v = new Violations();
        if (date != null && today != null) {
            v.check(!date.isAfter(today), "/date", "must not lie in the future (today is " + today + ")");
        }
        Kind parsedKind = null;
        if (kind != null) {
            parsedKind = Kind.parse(kind).orElse(null);
            v.check(parsedKind != null, "/kind", "must be one of prisoners, bodies");
        }
        v.check(returned != null, "/returned", "is required");
        List<BreakdownLine> lines = new ArrayList<>();
        List<LineDraft> lineDrafts = breakdown == null ? List.of() : breakdown;
        for (int i = 0; i < lineDrafts.size(); i++) {
            LineDraft draft = lineDrafts.get(i);
            if (draft == null) {
                v.add("/breakdown/" + i, "must be an object");
            } else {
                v.attempt("/breakdown/" + i, draft::toLine).ifPresent(lines::add);
            }
        }
        List<Source> parsedSources = new ArrayList<>();
        List<SourceDraft> sourceDrafts = sources == null ? List.of() : sources;
        for (int i = 0; i < sourceDrafts.size(); i++) {
            SourceDraft draft = sourceDrafts.get(i);
            if (draft == null) {
                v.add("/sources/" + i, "must be an object");
            } else {
                v.attempt("/sources/" + i, draft::toSource).ifPresent(parsedSources::add);
            }
        }
        Kind k = parsedKind;
        // A missing "returned" is already reported; -1 keeps the sum rule from also complaining.
        Exchange exchange = v.attempt("", () -> new Exchange(ref, date, k, operation,
                returned == null ? -1 : returned, handedOver, civilians, mediators, lines, parsedSources, notes))
                .orElse(null);
        v.throwIfAny();
        return exchange;
    }
}

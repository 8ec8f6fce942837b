package org.powledger.domain.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which exchange records a list shows. {@code units} is the filter unit with all its sub-units
 * (null: no unit filter); {@code words} are the search words of {@code q}. Stores that filter in
 * their own query language must agree with {@link #matches}.
 */
public record ExchangeQuery(LocalDate from, LocalDate to, Kind kind, Set<UnitId> units, CohortId cohort,
                            String mediator, String operation, List<String> words) {

    public ExchangeQuery {
        units = units == null ? null : Set.copyOf(units);
        words = words == null ? List.of() : List.copyOf(words);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQuery("from", "must not be after to");
        }
    }

    public static ExchangeQuery everything() {
        return new ExchangeQuery(null, null, null, null, null, null, null, List.of());
    }

    public boolean matches(ExchangeRecord record) {
        Exchange e = record.exchange();
        return (from == null || !e.date().isBefore(from))
                && (to == null || !e.date().isAfter(to))
                && (kind == null || e.kind() == kind)
                && (units == null || e.breakdown().stream().anyMatch(l -> l.unit() != null && units.contains(l.unit())))
                && (cohort == null || e.mentions(cohort))
                && (mediator == null || e.mediators().stream().anyMatch(m -> lowerCase(m).equals(lowerCase(mediator))))
                && (operation == null || operation.equals(e.operation()))
                && (words.isEmpty() || SearchWords.matches(e, words));
    }

    /** How mediators compare, ignoring case: every store keys them this way. */
    public static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

package org.powledger.domain.statistics;

import java.time.LocalDate;
import org.powledger.domain.model.InvalidQuery;

/**
 * The {@code from} / {@code to} of a statistics request, both inclusive, either open (null). It
 * chooses which exchanges are counted or listed, by the date of the exchange (an operation's
 * earliest stage); it never narrows the look-back of "first time", and it never hides a report.
 */
public record Window(LocalDate from, LocalDate to) {

    public static final Window ALL = new Window(null, null);

    public Window {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQuery("from", "must not be after to");
        }
    }

    public static Window of(LocalDate from, LocalDate to) {
        return new Window(from, to);
    }

    public boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}

package org.powledger.domain.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * Where an exchange stands in the ledger's order: by date, then by the order in which records were
 * first made. Lists show the newest first; "earlier" in the statistics means lower here.
 */
public record ExchangePosition(LocalDate date, long sequence) implements Comparable<ExchangePosition> {

    public static final Comparator<ExchangePosition> ORDER =
            Comparator.comparing(ExchangePosition::date).thenComparingLong(ExchangePosition::sequence);

    public static ExchangePosition of(ExchangeRecord record) {
        return new ExchangePosition(record.exchange().date(), record.sequence());
    }

    @Override
    public int compareTo(ExchangePosition other) {
        return ORDER.compare(this, other);
    }

    public String toCursor() {
        return Cursor.encode(date.toString(), Long.toString(sequence));
    }

    public static ExchangePosition fromCursor(String cursor) {
        List<String> parts = Cursor.decode(cursor, 2);
        try {
            return new ExchangePosition(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidQuery("cursor", "is not a cursor this server gave out");
        }
    }
}

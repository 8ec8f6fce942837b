package org.powledger.domain.statistics;

import java.time.LocalDate;
import org.powledger.domain.model.InvalidQuery;

/** The length of the periods of {@code /stats/periods}, and how a period is written. */
public enum Interval {
    MONTH("month"), QUARTER("quarter"), YEAR("year");

    private final String wireName;

    Interval(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The {@code interval} parameter: absent means month; anything else unknown is a 400 naming it. */
    public static Interval fromParameter(String value) {
        if (value == null) {
            return MONTH;
        }
        for (Interval interval : values()) {
            if (interval.wireName.equals(value)) {
                return interval;
            }
        }
        throw new InvalidQuery("interval", "must be one of month, quarter, year");
    }

    /** A number for the period holding {@code date}; consecutive periods have consecutive numbers. */
    long index(LocalDate date) {
        return switch (this) {
            case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
            case QUARTER -> date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
            case YEAR -> date.getYear();
        };
    }

    /** The period with this number, written {@code 2024-12}, {@code 2024-Q4} or {@code 2024}. */
    String label(long index) {
        return switch (this) {
            case MONTH -> String.format("%04d-%02d", Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
            case QUARTER -> String.format("%04d-Q%d", Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
            case YEAR -> String.format("%04d", index);
        };
    }
}

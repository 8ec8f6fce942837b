package org.powledger.domain.statistics;

import java.math.BigDecimal;

/**
 * How a year's {@code peopleReturned} differs from the previous calendar year's: the difference, and
 * the difference as a percentage of the previous year rounded to one decimal (half away from zero),
 * null when the previous year returned no one.
 */
public record YearChange(long peopleReturned, BigDecimal percent) {
}

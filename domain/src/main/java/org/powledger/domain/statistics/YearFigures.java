package org.powledger.domain.statistics;

/** One row of {@code /stats/yearly}; {@code change} is null for the first year listed. */
public record YearFigures(int year, long exchanges, long repatriations, long peopleReturned,
                          long peopleHandedOver, long civiliansReturned, long bodiesReturned, YearChange change) {
}

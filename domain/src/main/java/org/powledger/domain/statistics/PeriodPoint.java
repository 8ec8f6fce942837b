package org.powledger.domain.statistics;

/**
 * One point of {@code /stats/periods}: the period ({@code 2024-12}, {@code 2024-Q4}, {@code 2024})
 * and its figures, or the running totals up to and including it when the series is cumulative.
 */
public record PeriodPoint(String period, long exchanges, long peopleReturned, long bodiesReturned) {
}

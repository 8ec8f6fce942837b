package org.powledger.web.statistics;

/** One point of {@code /stats/periods}: {@code 2024-12}, {@code 2024-Q4} or {@code 2024} and its figures. */
record PeriodView(String period, long exchanges, long peopleReturned, long bodiesReturned) {
}

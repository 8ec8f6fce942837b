package org.powledger.domain.statistics;

import java.time.LocalDate;

/**
 * {@code /stats/summary}: how many exchanges (of living people) and repatriations (of bodies), how
 * many came home each way, the dates of the first and last exchange and the largest one.
 * {@code peopleHandedOver}, {@code civiliansReturned}, the dates and the largest exchange count
 * exchanges of living people only; dates and largest are null when there is none.
 */
public record Summary(long exchanges, long repatriations, long peopleReturned, long peopleHandedOver,
                      long civiliansReturned, long bodiesReturned, LocalDate firstExchangeOn,
                      LocalDate lastExchangeOn, LargestExchange largestExchange) {
}

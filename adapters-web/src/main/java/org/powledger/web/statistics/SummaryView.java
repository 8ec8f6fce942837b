package org.powledger.web.statistics;

import java.time.LocalDate;

/** {@code /stats/summary}, fields in the order of the contract; dates and largest null when there is none. */
record SummaryView(long exchanges, long repatriations, long peopleReturned, long peopleHandedOver,
                   long civiliansReturned, long bodiesReturned, LocalDate firstExchangeOn, LocalDate lastExchangeOn,
                   LargestView largestExchange) {

    /** {@code {"id", "date", "returned"}}: an operation's stages summed, named by its first stage. */
    record LargestView(String id, LocalDate date, long returned) {
    }
}

package org.powledger.web.statistics;

import java.math.BigDecimal;

/** One item of {@code /stats/yearly}; {@code change} is null for the first year listed. */
record YearView(int year, long exchanges, long repatriations, long peopleReturned, long peopleHandedOver,
                long civiliansReturned, long bodiesReturned, ChangeView change) {

    /** The change from the previous calendar year; {@code percent} null where that year returned no one. */
    record ChangeView(long peopleReturned, BigDecimal percent) {
    }
}

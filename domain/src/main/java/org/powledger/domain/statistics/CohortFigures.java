package org.powledger.domain.statistics;

import java.math.BigDecimal;
import java.util.List;
import org.powledger.domain.model.CohortId;

/**
 * {@code /stats/cohorts/{id}}: how much of a captured cohort has come home. {@code recorded} sums the
 * lines tagged with the cohort; {@code reported} is the latest {@code {cohort}} report of
 * {@code peopleReturned}. {@code shareReturned} (4 decimals) and {@code remaining} use the reported
 * value when there is one, else the recorded one, and are null when the size is unknown;
 * {@code remaining} may be negative when an approximate size is exceeded.
 */
public record CohortFigures(CohortId cohort, String name, Integer size, boolean sizeApproximate, long recorded,
                            ReportedFigure reported, BigDecimal shareReturned, Long remaining,
                            List<CohortUnitFigures> byUnit) {

    public CohortFigures {
        byUnit = List.copyOf(byUnit);
    }
}

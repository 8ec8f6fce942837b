package org.powledger.web.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code /stats/cohorts/{id}}: how much of a captured cohort has come home, and by unit. */
record CohortFiguresView(String cohort, String name, Integer size, boolean sizeApproximate, long recorded,
                         ReportedView reported, BigDecimal shareReturned, Long remaining, List<ByUnitView> byUnit) {

    /** The latest published figure: {@code {"value", "asOf", "reportId"}}. */
    record ReportedView(long value, LocalDate asOf, String reportId) {
    }

    /** One unit's part of the cohort, its sub-units included. */
    record ByUnitView(String unit, long recorded, ReportedView reported) {
    }
}

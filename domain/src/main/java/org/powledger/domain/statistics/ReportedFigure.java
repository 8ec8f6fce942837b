package org.powledger.domain.statistics;

import java.time.LocalDate;
import org.powledger.domain.model.ReportId;

/** The latest published figure for a cohort (or one unit of it), with the report that states it. */
public record ReportedFigure(long value, LocalDate asOf, ReportId reportId) {
}

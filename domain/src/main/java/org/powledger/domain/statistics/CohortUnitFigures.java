package org.powledger.domain.statistics;

import org.powledger.domain.model.UnitId;

/**
 * One unit's part of a cohort: the lines tagged with the cohort in the unit's subtree, and the latest
 * {@code {cohort, unit}} report of {@code peopleReturned} (null when none).
 */
public record CohortUnitFigures(UnitId unit, long recorded, ReportedFigure reported) {
}

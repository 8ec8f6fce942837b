package org.powledger.domain.statistics;

import java.time.LocalDate;
import org.powledger.domain.model.UnitId;

/**
 * One item of {@code /stats/units}. {@code returned} counts the unit's own lines only; every other
 * figure includes its sub-units: {@code exchanges} with a line anywhere in its subtree, and the dates
 * of the first and last of those (null when none).
 */
public record UnitFigures(UnitId unit, String name, UnitId parent, long returned, long returnedWithSubunits,
                          long exchanges, LocalDate firstReturnedOn, LocalDate lastReturnedOn) {
}

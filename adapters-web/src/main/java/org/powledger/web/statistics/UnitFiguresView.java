package org.powledger.web.statistics;

import java.time.LocalDate;

/** One item of {@code /stats/units}: {@code returned} counts the unit's own lines, the rest its subtree. */
record UnitFiguresView(String unit, String name, String parent, long returned, long returnedWithSubunits,
                       long exchanges, LocalDate firstReturnedOn, LocalDate lastReturnedOn) {
}

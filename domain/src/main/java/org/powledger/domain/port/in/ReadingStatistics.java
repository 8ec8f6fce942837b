package org.powledger.domain.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.statistics.CohortFigures;
import org.powledger.domain.statistics.FirstReturn;
import org.powledger.domain.statistics.PeriodPoint;
import org.powledger.domain.statistics.ReconciliationItem;
import org.powledger.domain.statistics.Summary;
import org.powledger.domain.statistics.UnitFigures;
import org.powledger.domain.statistics.YearFigures;

/**
 * Reading the statistics of {@code /api/v1/stats/*} and {@code /exchanges/{id}/first-time-units},
 * with the parameters as a client gives them. {@code from} and {@code to} are inclusive and may be
 * null (open); every answer reflects every write committed before the call.
 *
 * <p>Bad parameters: {@code from} after {@code to} is an {@code InvalidQuery} naming {@code from}; an
 * unknown {@code interval} one naming {@code interval}; an unknown cohort or exchange id (or one that
 * could not be an id) is a {@code NotFound}.
 */
public interface ReadingStatistics {

    Summary summary(LocalDate from, LocalDate to);

    /** Every year from the first to the last with a record in the window, in year order. */
    List<YearFigures> yearly(LocalDate from, LocalDate to);

    /** {@code interval}: month (also when null), quarter or year. */
    List<PeriodPoint> periods(LocalDate from, LocalDate to, String interval, boolean cumulative);

    /** Every unit, largest {@code returnedWithSubunits} first, then by id. */
    List<UnitFigures> units(LocalDate from, LocalDate to);

    CohortFigures cohort(String cohort, LocalDate from, LocalDate to);

    /** Every exchange of living people in the window, in ledger order, with its first-time units. */
    List<FirstReturn> firstReturns(LocalDate from, LocalDate to);

    /** One page of {@link #firstReturns(LocalDate, LocalDate)}: {@code limit} items after {@code cursor}. */
    Page<FirstReturn> firstReturns(LocalDate from, LocalDate to, PageRequest page);

    /** Every item of {@link #firstReturns(LocalDate, LocalDate)}, handed over as it is computed, none held. */
    void eachFirstReturn(LocalDate from, LocalDate to, Consumer<FirstReturn> each);

    /** The first-time units of one exchange; any stage's id names its operation. */
    FirstReturn firstTimeUnits(String exchange);

    /** Every report, with the difference from the ledger largest first. */
    List<ReconciliationItem> reconciliation(LocalDate from, LocalDate to);
}

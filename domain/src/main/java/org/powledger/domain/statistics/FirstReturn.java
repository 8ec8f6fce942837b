package org.powledger.domain.statistics;

import java.time.LocalDate;
import java.util.List;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.UnitId;

/**
 * The units (as recorded on lines, sorted by id) that had someone returned for the first time in one
 * exchange: they appear on no line of an earlier exchange anywhere in the ledger. {@code exchange} is
 * the id of an operation's first stage, {@code date} its date.
 */
public record FirstReturn(ExchangeId exchange, LocalDate date, List<UnitId> units,
                          int count) {

    public FirstReturn {
        units = List.copyOf(units);
    }
}

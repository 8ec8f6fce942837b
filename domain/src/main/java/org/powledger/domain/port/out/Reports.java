package org.powledger.domain.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.UnitId;

/** The figures officials and publications stated. */
public interface Reports {

    /** Stores a new report, giving it the next place in recording order. */
    ReportRecord add(ReportId id, Report report, Instant at);

    /** Stores a new version of a report (see {@link ReportRecord#replacedBy}); its sequence and createdAt stay. */
    void replace(ReportRecord record);

    void remove(ReportId id);

    Optional<ReportRecord> byId(ReportId id);

    /** The report with this client key; a store refuses a second report with the same ref ({@code Conflict}). */
    Optional<ReportRecord> byRef(String ref);

    /** In recording order, oldest first. */
    Page<ReportRecord> list(PageRequest page);

    /** Every report in recording order. */
    List<ReportRecord> all();

    boolean anyNaming(UnitId unit);

    boolean anyNaming(CohortId cohort);

    boolean anyNaming(ExchangeId exchange);
}

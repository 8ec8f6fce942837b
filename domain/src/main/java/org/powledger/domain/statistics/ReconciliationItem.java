package org.powledger.domain.statistics;

import org.powledger.domain.model.Metric;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportScope;

/** One report checked against the ledger: {@code difference} is {@code recorded - reported}. */
public record ReconciliationItem(ReportId report, ReportScope scope, Metric metric, long reported, long recorded,
                                 long difference, ReconciliationStatus status) {
}

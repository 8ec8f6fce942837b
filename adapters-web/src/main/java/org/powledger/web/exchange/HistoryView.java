package org.powledger.web.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stored version of an exchange: who did what, when, and the record as it then was. */
record HistoryView(int version, String action, Instant at, String actor, RecordView record) {

    record RecordView(String id, String ref, LocalDate date, String kind, String operation, int returned,
                      Integer handedOver, Integer civilians, List<String> mediators,
                      List<ExchangeView.LineView> breakdown, int unattributed, List<ExchangeView.SourceView> sources,
                      String notes) {
    }
}

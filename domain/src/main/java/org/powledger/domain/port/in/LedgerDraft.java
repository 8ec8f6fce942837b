package org.powledger.domain.port.in;

/** Anything a client can send to be recorded: one line of an import is one of these. */
public sealed interface LedgerDraft permits UnitDraft, CohortDraft, ExchangeDraft, ReportDraft {
}

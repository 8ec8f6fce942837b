package org.powledger.domain.port.in;

import java.util.List;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;

/** Recording exchanges: create, replace, delete, read, list, and read a record's history. */
public interface RecordingExchanges {

    ExchangeRecord record(ExchangeDraft draft, Actor actor);

    /**
     * Records once per {@code Idempotency-Key}: a repeat with the same key and the same
     * {@code fingerprint} of the request gets the first record back ({@code replayed}); the same key
     * with another fingerprint is refused (422). Two concurrent requests with one key never both create.
     */
    Recorded record(ExchangeDraft draft, Actor actor, String idempotencyKey, String fingerprint);

    /** A record as an idempotent create answered it: just now, or earlier ({@code replayed}). */
    record Recorded(ExchangeRecord record, boolean replayed) {
    }

    /** Replaces the whole record; {@code expectedVersion} comes from {@code If-Match} (null: missing). */
    ExchangeRecord replace(ExchangeId id, ExchangeDraft draft, Integer expectedVersion, Actor actor);

    void delete(ExchangeId id, Actor actor);

    ExchangeRecord get(ExchangeId id);

    Page<ExchangeRecord> list(ExchangeFilter filter, PageRequest page);

    List<HistoryEntry> history(ExchangeId id);

    /** The list filters as a client gives them; {@code unit} is resolved to its subtree here. */
    record ExchangeFilter(java.time.LocalDate from, java.time.LocalDate to, String kind, String unit,
                          String cohort, String mediator, String operation, String q) {

        public static ExchangeFilter none() {
            return new ExchangeFilter(null, null, null, null, null, null, null, null);
        }
    }
}

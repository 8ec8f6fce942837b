package org.powledger.domain.port.out;

import java.util.List;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;

/** Every version of every exchange ever stored, deletions included. Append-only. */
public interface ExchangeHistory {

    void append(HistoryEntry entry);

    /** Oldest version first; empty when the id was never used. */
    List<HistoryEntry> of(ExchangeId id);

    /** Whether any entry was written by the actor of that name (a token's name, as history shows it). */
    boolean hasActor(String actor);
}

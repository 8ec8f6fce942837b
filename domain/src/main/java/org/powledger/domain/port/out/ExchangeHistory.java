package org.powledger.domain.port.out;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;

/** Every version of every exchange ever stored, deletions included. Append-only. */
public interface ExchangeHistory {

    void append(HistoryEntry entry);

    /** Appends entries in their order, as {@link #append} would one by one; a store may write them at once. */
    default void appendAll(List<HistoryEntry> entries) {
        entries.forEach(this::append);
    }

    /** Oldest version first; empty when the id was never used. */
    List<HistoryEntry> of(ExchangeId id);

    /** Those of these ids that have any entry (were ever used): a store may answer in one query. */
    default Set<ExchangeId> used(Collection<ExchangeId> ids) {
        Set<ExchangeId> used = new HashSet<>();
        ids.forEach(id -> {
            if (!of(id).isEmpty()) {
                used.add(id);
            }
        });
        return used;
    }

    /** Whether any entry was written by the actor of that name (a token's name, as history shows it). */
    boolean hasActor(String actor);

    /**
     * Where the history ends now: {@link #writtenSince} tells what was appended after it. Every write of
     * an exchange appends an entry, so it is also how far the ledger's exchanges have been written.
     */
    long mark();

    /**
     * The exchanges with an entry appended after {@code mark} (one {@link #mark} gave); empty when more
     * than {@code limit} exchanges were written since (reading the whole ledger then costs less).
     */
    Optional<Set<ExchangeId>> writtenSince(long mark, int limit);
}

package org.powledger.application.statistics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.statistics.CompactLedger;
import org.powledger.domain.statistics.Stage;
import org.powledger.domain.statistics.StageSource;

/**
 * The ledger's stages kept in memory between reads as a {@link CompactLedger}, brought up to date at
 * each read from what the exchange history says was written since, instead of read again: the first
 * read after a write costs the records written and one copy of the arrays, not a sorted pass over the
 * store. The counting rules do not change: the statistics walk these stages as they would walk the store.
 *
 * <p>A ledger larger than the budget (a share of the heap) is not kept: the statistics then walk the
 * store on each first read, in constant memory, as the store streams it. Once a ledger has outgrown the
 * budget it is walked until the server restarts.
 *
 * <p>Called inside a read transaction, so the history's mark, the records read and the store's walk are
 * all of that transaction's moment.
 */
final class KeptLedger {

    /**
     * The default budget: a fifth of the heap (12.4 MiB in a 64 MiB heap: some 180,000 exchanges of the
     * benchmark's shape).
     */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 5;
    }

    private final Exchanges exchanges;
    private final ExchangeHistory history;
    private final long budget;
    private Kept kept;
    private boolean outgrown;

    /** The stages of the ledger as of the history's {@code mark}. */
    private record Kept(long mark, CompactLedger ledger) {
    }

    KeptLedger(Exchanges exchanges, ExchangeHistory history, long budget) {
        this.exchanges = Objects.requireNonNull(exchanges);
        this.history = Objects.requireNonNull(history);
        this.budget = budget;
    }

    /** The stages of the moment of the caller's read transaction. */
    synchronized StageSource current() {
        if (outgrown) {
            return exchanges::forEachStage;
        }
        long mark = history.mark();
        Kept known = kept;
        if (known != null && known.mark() == mark) {
            return known.ledger();
        }
        if (known != null && known.mark() > mark) {
            // A reader of an older moment than the one kept: it walks its own moment, the kept stays.
            return exchanges::forEachStage;
        }
        Optional<CompactLedger> next = known == null ? Optional.empty() : updated(known);
        if (next.isEmpty() && !outgrown) {
            next = CompactLedger.of(exchanges::forEachStage, budget);
        }
        if (next.isEmpty()) {
            outgrown = true;
            kept = null;
            return exchanges::forEachStage;
        }
        kept = new Kept(mark, next.get());
        return next.get();
    }

    /**
     * The kept stages with the records written since taken in; empty when so many were written that
     * reading them one by one would cost more than walking the store, or when the ledger outgrew the budget.
     */
    private Optional<CompactLedger> updated(Kept known) {
        int limit = Math.max(64, Math.min(2_000, known.ledger().stages() / 50));
        Optional<Set<ExchangeId>> written = history.writtenSince(known.mark(), limit);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        // one look-up for all of them (a query per part of the ids on SQL stores); with() puts them in order
        List<Stage> current = exchanges.byIds(written.get()).values().stream().map(Stage::of).toList();
        Optional<CompactLedger> next = known.ledger().with(written.get(), current, budget);
        outgrown = next.isEmpty();
        return next;
    }
}

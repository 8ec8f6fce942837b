package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.port.out.ExchangeHistory;

final class InMemoryExchangeHistory implements ExchangeHistory {

    private final MemoryLedger ledger;
    /** Each id's entries as an unmodifiable list, replaced (never changed) on append: copies share them. */
    private final MemoryLedger.Table<Map<ExchangeId, List<HistoryEntry>>> table;
    /** The id of every entry in the order they were appended: a mark is a length of it. */
    private final MemoryLedger.Table<List<ExchangeId>> written;

    InMemoryExchangeHistory(MemoryLedger ledger) {
        this.ledger = ledger;
        this.table = ledger.table(new HashMap<>(), HashMap::new);
        this.written = ledger.table(new ArrayList<>(), ArrayList::new);
    }

    @Override
    public void append(HistoryEntry entry) {
        ledger.write(() -> {
            Map<ExchangeId, List<HistoryEntry>> entries = table.state();
            List<HistoryEntry> before = entries.getOrDefault(entry.exchangeId(), List.of());
            List<HistoryEntry> after = new ArrayList<>(before);
            after.add(entry);
            entries.put(entry.exchangeId(), List.copyOf(after));
            List<ExchangeId> log = written.state();
            log.add(entry.exchangeId());
            ledger.onRollback(() -> {
                log.remove(log.size() - 1);
                if (before.isEmpty()) {
                    entries.remove(entry.exchangeId());
                } else {
                    entries.put(entry.exchangeId(), before);
                }
            });
        });
    }

    @Override
    public List<HistoryEntry> of(ExchangeId id) {
        return ledger.read(() -> table.state().getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparingInt(HistoryEntry::version))
                .toList());
    }

    @Override
    public boolean hasActor(String actor) {
        return ledger.read(() -> table.state().values().stream().flatMap(List::stream)
                .anyMatch(entry -> actor.equals(entry.actor())));
    }

    @Override
    public long mark() {
        return ledger.read(() -> written.state().size());
    }

    @Override
    public Optional<Set<ExchangeId>> writtenSince(long mark, int limit) {
        return ledger.read(() -> {
            List<ExchangeId> log = written.state();
            Set<ExchangeId> ids = new LinkedHashSet<>();
            for (int i = Math.toIntExact(mark); i < log.size(); i++) {
                ids.add(log.get(i));
                if (ids.size() > limit) {
                    return Optional.<Set<ExchangeId>>empty();
                }
            }
            return Optional.of(Set.copyOf(ids));
        });
    }
}

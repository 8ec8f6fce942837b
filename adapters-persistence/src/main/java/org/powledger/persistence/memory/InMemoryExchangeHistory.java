package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.port.out.ExchangeHistory;

final class InMemoryExchangeHistory implements ExchangeHistory {

    private final MemoryLedger ledger;
    /** Each id's entries as an unmodifiable list, replaced (never changed) on append: copies share them. */
    private final MemoryLedger.Table<Map<ExchangeId, List<HistoryEntry>>> table;

    InMemoryExchangeHistory(MemoryLedger ledger) {
        this.ledger = ledger;
        this.table = ledger.table(new HashMap<>(), HashMap::new);
    }

    @Override
    public void append(HistoryEntry entry) {
        ledger.write(() -> {
            Map<ExchangeId, List<HistoryEntry>> entries = table.state();
            List<HistoryEntry> before = entries.getOrDefault(entry.exchangeId(), List.of());
            List<HistoryEntry> after = new ArrayList<>(before);
            after.add(entry);
            entries.put(entry.exchangeId(), List.copyOf(after));
            ledger.onRollback(() -> {
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
}

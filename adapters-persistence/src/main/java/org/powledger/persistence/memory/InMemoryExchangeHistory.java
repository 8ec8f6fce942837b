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
    private final Map<ExchangeId, List<HistoryEntry>> entries = new HashMap<>();

    InMemoryExchangeHistory(MemoryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void append(HistoryEntry entry) {
        ledger.write(() -> {
            List<HistoryEntry> versions = entries.computeIfAbsent(entry.exchangeId(), k -> new ArrayList<>());
            versions.add(entry);
            ledger.onRollback(() -> versions.remove(versions.size() - 1));
        });
    }

    @Override
    public List<HistoryEntry> of(ExchangeId id) {
        return ledger.read(() -> entries.getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparingInt(HistoryEntry::version))
                .toList());
    }
}

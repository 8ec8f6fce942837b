package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.port.out.ExchangeHistory;

/** History entries with the record as it was kept as a JSON snapshot ({@link ExchangeSnapshots}). */
final class SqlExchangeHistory implements ExchangeHistory {

    private final SqlDatabase db;

    SqlExchangeHistory(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public void append(HistoryEntry entry) {
        appendAll(List.of(entry));
    }

    /** One batch of inserts. */
    @Override
    public void appendAll(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        db.write(h -> {
            try (InsertBatch batch = new InsertBatch(h, "exchange_history", "exchange_id", "version", "action", "at",
                    "actor", "snapshot")) {
                for (HistoryEntry entry : entries) {
                    batch.add(entry.exchangeId().value(), entry.version(), ROWS.text(entry.action()),
                            ROWS.text(entry.at()), entry.actor(), ExchangeSnapshots.write(entry.exchange()));
                }
                batch.execute();
            }
            return null;
        });
    }

    /** One query per part of the ids ({@link SqlExchanges#parts}). */
    @Override
    public Set<ExchangeId> used(Collection<ExchangeId> ids) {
        List<String> values = ids.stream().map(ExchangeId::value).toList();
        Set<ExchangeId> used = new HashSet<>();
        db.read(h -> {
            for (List<String> part : SqlExchanges.parts(values)) {
                h.createQuery("SELECT DISTINCT exchange_id FROM exchange_history WHERE exchange_id IN (<ids>)")
                        .bindList("ids", part)
                        .mapTo(String.class).forEach(id -> used.add(ROWS.exchangeId(id)));
            }
            return null;
        });
        return used;
    }

    @Override
    public List<HistoryEntry> of(ExchangeId id) {
        return db.read(h -> h.attach(HistoryDao.class).of(id.value())).stream()
                .map(row -> new HistoryEntry(ROWS.exchangeId(row.exchangeId()), row.version(),
                        ROWS.action(row.action()), ROWS.instant(row.at()), row.actor(),
                        ExchangeSnapshots.read(row.snapshot())))
                .toList();
    }

    @Override
    public boolean hasActor(String actor) {
        return db.read(h -> h.attach(HistoryDao.class).hasActor(actor));
    }

    @Override
    public long mark() {
        return db.read(h -> h.attach(HistoryDao.class).mark());
    }

    @Override
    public Optional<Set<ExchangeId>> writtenSince(long mark, int limit) {
        List<String> ids = db.read(h -> h.attach(HistoryDao.class).writtenSince(mark, limit + 1));
        if (ids.size() > limit) {
            return Optional.empty();
        }
        Set<ExchangeId> written = new HashSet<>();
        ids.forEach(id -> written.add(ROWS.exchangeId(id)));
        return Optional.of(written);
    }
}

package org.powledger.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangePosition;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.out.Exchanges;

/** Exchange records in maps; lists filter with {@link ExchangeQuery#matches}, the rule every store follows. */
final class InMemoryExchanges implements Exchanges {

    private static final Comparator<ExchangeRecord> LEDGER_ORDER = Comparator.comparing(ExchangePosition::of);

    private final MemoryLedger ledger;
    private final MemoryLedger.Table<Rows> table;

    /** The records by id and by ref, and the last place given in recording order. */
    private static final class Rows {
        final Map<ExchangeId, ExchangeRecord> byId = new HashMap<>();
        final Map<String, ExchangeId> byRef = new HashMap<>();
        long lastSequence;

        Rows copy() {
            Rows copy = new Rows();
            copy.byId.putAll(byId);
            copy.byRef.putAll(byRef);
            copy.lastSequence = lastSequence;
            return copy;
        }
    }

    InMemoryExchanges(MemoryLedger ledger) {
        this.ledger = ledger;
        this.table = ledger.table(new Rows(), Rows::copy);
    }

    @Override
    public ExchangeRecord add(ExchangeId id, Exchange exchange, Instant at) {
        return ledger.write(() -> {
            Rows rows = table.state();
            if (rows.byId.containsKey(id)) {
                throw new Conflict("An exchange with id '" + id + "' already exists", id.value());
            }
            requireRefFree(exchange.ref(), id);
            long previous = rows.lastSequence;
            ExchangeRecord record = new ExchangeRecord(id, previous + 1, 1, at, at, exchange);
            rows.lastSequence = record.sequence();
            put(record);
            ledger.onRollback(() -> {
                unput(record);
                rows.lastSequence = previous;
            });
            return record;
        });
    }

    @Override
    public void replace(ExchangeRecord record) {
        ledger.write(() -> {
            ExchangeRecord old = table.state().byId.get(record.id());
            if (old == null) {
                throw new NotFound("exchange", record.id().value());
            }
            requireRefFree(record.exchange().ref(), record.id());
            ExchangeRecord kept = new ExchangeRecord(old.id(), old.sequence(), record.version(), old.createdAt(),
                    record.updatedAt(), record.exchange());
            unput(old);
            put(kept);
            ledger.onRollback(() -> {
                unput(kept);
                put(old);
            });
        });
    }

    @Override
    public void remove(ExchangeId id) {
        ledger.write(() -> {
            ExchangeRecord old = table.state().byId.get(id);
            if (old != null) {
                unput(old);
                ledger.onRollback(() -> put(old));
            }
        });
    }

    @Override
    public Optional<ExchangeRecord> byId(ExchangeId id) {
        return ledger.read(() -> Optional.ofNullable(table.state().byId.get(id)));
    }

    @Override
    public Optional<ExchangeRecord> byRef(String ref) {
        return ledger.read(() -> {
            Rows rows = table.state();
            return Optional.ofNullable(rows.byRef.get(ref)).map(rows.byId::get);
        });
    }

    @Override
    public Page<ExchangeRecord> list(ExchangeQuery query, PageRequest page) {
        ExchangePosition after = page.cursor() == null ? null : ExchangePosition.fromCursor(page.cursor());
        List<ExchangeRecord> matching = ledger.read(() -> table.state().byId.values().stream()
                .filter(query::matches)
                .filter(r -> after == null || ExchangePosition.of(r).compareTo(after) < 0)
                .sorted(LEDGER_ORDER.reversed())
                .limit(page.limit() + 1L)
                .toList());
        if (matching.size() <= page.limit()) {
            return new Page<>(matching, null);
        }
        List<ExchangeRecord> items = matching.subList(0, page.limit());
        return new Page<>(items, ExchangePosition.of(items.get(items.size() - 1)).toCursor());
    }

    /** Walks a copy taken under the lock, so a slow consumer never holds writers up. */
    @Override
    public void forEach(Consumer<ExchangeRecord> action) {
        List<ExchangeRecord> all = ledger.read(() -> new ArrayList<>(table.state().byId.values()));
        all.sort(LEDGER_ORDER);
        all.forEach(action);
    }

    @Override
    public boolean anyLineWith(UnitId unit) {
        return ledger.read(() -> table.state().byId.values().stream().anyMatch(r -> r.exchange().mentions(unit)));
    }

    @Override
    public boolean anyLineWith(CohortId cohort) {
        return ledger.read(() -> table.state().byId.values().stream().anyMatch(r -> r.exchange().mentions(cohort)));
    }

    private void requireRefFree(String ref, ExchangeId owner) {
        if (ref == null) {
            return;
        }
        ExchangeId holder = table.state().byRef.get(ref);
        if (holder != null && !holder.equals(owner)) {
            throw new Conflict("The ref '" + ref + "' is already used by exchange '" + holder + "'", holder.value());
        }
    }

    private void put(ExchangeRecord record) {
        Rows rows = table.state();
        rows.byId.put(record.id(), record);
        if (record.exchange().ref() != null) {
            rows.byRef.put(record.exchange().ref(), record.id());
        }
    }

    private void unput(ExchangeRecord record) {
        Rows rows = table.state();
        rows.byId.remove(record.id());
        if (record.exchange().ref() != null) {
            rows.byRef.remove(record.exchange().ref());
        }
    }
}

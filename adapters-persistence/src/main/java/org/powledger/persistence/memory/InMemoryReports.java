package org.powledger.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Conflict;
import org.powledger.domain.model.Cursor;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Report;
import org.powledger.domain.model.ReportId;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.ReportScope;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.out.Reports;

final class InMemoryReports implements Reports {

    private final MemoryLedger ledger;
    private final MemoryLedger.Table<Rows> table;

    /** The reports by place in recording order and by id, and the last place given. */
    private static final class Rows {
        final TreeMap<Long, ReportRecord> bySequence = new TreeMap<>();
        final Map<ReportId, ReportRecord> byId = new HashMap<>();
        long lastSequence;

        Rows copy() {
            Rows copy = new Rows();
            copy.bySequence.putAll(bySequence);
            copy.byId.putAll(byId);
            copy.lastSequence = lastSequence;
            return copy;
        }
    }

    InMemoryReports(MemoryLedger ledger) {
        this.ledger = ledger;
        this.table = ledger.table(new Rows(), Rows::copy);
    }

    @Override
    public ReportRecord add(ReportId id, Report report, Instant at) {
        return ledger.write(() -> {
            Rows rows = table.state();
            if (rows.byId.containsKey(id)) {
                throw new Conflict("A report with id '" + id + "' already exists", id.value());
            }
            long previous = rows.lastSequence;
            ReportRecord record = new ReportRecord(id, previous + 1, at, report);
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
    public void replace(ReportRecord record) {
        ledger.write(() -> {
            ReportRecord old = table.state().byId.get(record.id());
            if (old == null) {
                throw new NotFound("report", record.id().value());
            }
            ReportRecord kept = new ReportRecord(old.id(), old.sequence(), record.version(), old.createdAt(),
                    record.report());
            unput(old);
            put(kept);
            ledger.onRollback(() -> {
                unput(kept);
                put(old);
            });
        });
    }

    @Override
    public void remove(ReportId id) {
        ledger.write(() -> {
            ReportRecord old = table.state().byId.get(id);
            if (old != null) {
                unput(old);
                ledger.onRollback(() -> put(old));
            }
        });
    }

    @Override
    public Optional<ReportRecord> byId(ReportId id) {
        return ledger.read(() -> Optional.ofNullable(table.state().byId.get(id)));
    }

    @Override
    public Page<ReportRecord> list(PageRequest page) {
        long after = page.cursor() == null ? 0 : sequenceOf(page.cursor());
        List<ReportRecord> matching = ledger.read(() -> table.state().bySequence.tailMap(after, false).values().stream()
                .limit(page.limit() + 1L).toList());
        if (matching.size() <= page.limit()) {
            return new Page<>(matching, null);
        }
        List<ReportRecord> items = matching.subList(0, page.limit());
        return new Page<>(items, Cursor.encode(Long.toString(items.get(items.size() - 1).sequence())));
    }

    @Override
    public List<ReportRecord> all() {
        return ledger.read(() -> new ArrayList<>(table.state().bySequence.values()));
    }

    @Override
    public boolean anyNaming(UnitId unit) {
        return any(scope -> unit.equals(scope.unit()));
    }

    @Override
    public boolean anyNaming(CohortId cohort) {
        return any(scope -> cohort.equals(scope.cohort()));
    }

    @Override
    public boolean anyNaming(ExchangeId exchange) {
        return any(scope -> exchange.equals(scope.exchange()));
    }

    private boolean any(Predicate<ReportScope> naming) {
        return ledger.read(() -> table.state().byId.values().stream().anyMatch(r -> naming.test(r.report().scope())));
    }

    private void put(ReportRecord record) {
        Rows rows = table.state();
        rows.byId.put(record.id(), record);
        rows.bySequence.put(record.sequence(), record);
    }

    private void unput(ReportRecord record) {
        Rows rows = table.state();
        rows.byId.remove(record.id());
        rows.bySequence.remove(record.sequence());
    }

    static long sequenceOf(String cursor) {
        try {
            return Long.parseLong(Cursor.decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new InvalidQuery("cursor", "is not a cursor this server gave out");
        }
    }
}

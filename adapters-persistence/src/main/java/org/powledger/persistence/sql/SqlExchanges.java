package org.powledger.persistence.sql;

import static org.powledger.persistence.sql.RowMapping.ROWS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.powledger.domain.model.BreakdownLine;
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
import org.powledger.domain.model.SearchWords;
import org.powledger.domain.model.Source;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.statistics.Stage;
import org.powledger.persistence.sql.StageQuery;

/**
 * Exchange records over {@code exchange} and its part tables (lines, mediators, sources, search words).
 * A list is one query whose filters are {@code IN} sub-queries on the part tables' indexes, walking
 * {@code exchange_by_position} backwards from the cursor and reading one row more than the page to
 * know whether another page follows; the parts of the page's records are then read in one query each.
 */
final class SqlExchanges implements Exchanges {

    /** How many records {@link #forEach} holds at a time. */
    private static final int BATCH = 500;
    /** U+10FFFF sorts after every letter or digit: {@code [w, w + END)} holds every word starting with w. */
    private static final String WORD_END = new String(Character.toChars(0x10FFFF));

    private static final String UPDATE = """
            UPDATE exchange SET ref = :ref, date = :date, kind = :kind, operation = :operation, returned = :returned,
                   handed_over = :handedOver, civilians = :civilians, notes = :notes, version = :version,
                   updated_at = :updatedAt
            WHERE id = :id""";

    private final SqlDatabase db;

    SqlExchanges(SqlDatabase db) {
        this.db = db;
    }

    @Override
    public ExchangeRecord add(ExchangeId id, Exchange exchange, Instant at) {
        return addAll(Map.of(id, exchange), at).get(0);
    }

    /**
     * Checks the ids and refs in one query per {@value #BATCH}, takes the sequence numbers in one statement
     * and writes each table's rows in one batch: an import's hundreds of records cost a few statements.
     */
    @Override
    public List<ExchangeRecord> addAll(Map<ExchangeId, Exchange> exchanges, Instant at) {
        if (exchanges.isEmpty()) {
            return List.of();
        }
        return db.write(h -> {
            requireIdsFree(h, exchanges.keySet());
            requireRefsFree(h, exchanges);
            long sequence = h.createQuery("""
                            UPDATE ledger_state SET exchange_sequence = exchange_sequence + :count WHERE id = 1
                            RETURNING exchange_sequence""")
                    .bind("count", exchanges.size()).mapTo(Long.class).one() - exchanges.size();
            List<ExchangeRecord> records = new ArrayList<>(exchanges.size());
            try (InsertBatch rows = new InsertBatch(h, "exchange", "id", "sequence", "ref", "date", "kind", "operation",
                    "returned", "handed_over", "civilians", "notes", "version", "created_at", "updated_at")) {
                for (Map.Entry<ExchangeId, Exchange> e : exchanges.entrySet()) {
                    ExchangeRecord record = new ExchangeRecord(e.getKey(), ++sequence, 1, at, at, e.getValue());
                    records.add(record);
                    ExchangeRow r = ROWS.toExchangeRow(record);
                    rows.add(r.id(), r.sequence(), r.ref(), r.date(), r.kind(), r.operation(), r.returned(),
                            r.handedOver(), r.civilians(), r.notes(), r.version(), r.createdAt(), r.updatedAt());
                }
                rows.execute();
            }
            insertParts(h, records);
            return records;
        });
    }

    @Override
    public void replace(ExchangeRecord record) {
        db.write(h -> {
            ExchangeRow old = row(h, record.id()).orElseThrow(() -> new NotFound("exchange", record.id().value()));
            requireRefFree(h, record.exchange().ref(), record.id());
            ExchangeRecord kept = new ExchangeRecord(record.id(), old.sequence(), record.version(),
                    ROWS.instant(old.createdAt()), record.updatedAt(), record.exchange());
            h.createUpdate(UPDATE).bindMap(RowArguments.of(ROWS.toExchangeRow(kept))).execute();
            for (String part : List.of("breakdown_line", "exchange_mediator", "exchange_source", "exchange_word")) {
                h.createUpdate("DELETE FROM " + part + " WHERE exchange_id = :id").bind("id", kept.id().value())
                        .execute();
            }
            insertParts(h, List.of(kept));
            return null;
        });
    }

    /** Its lines, mediators, sources and words go with it ({@code ON DELETE CASCADE}). */
    @Override
    public void remove(ExchangeId id) {
        db.write(h -> h.createUpdate("DELETE FROM exchange WHERE id = :id").bind("id", id.value()).execute());
    }

    @Override
    public Optional<ExchangeRecord> byId(ExchangeId id) {
        return db.snapshot(h -> row(h, id).map(r -> assemble(h, List.of(r)).get(0)));
    }

    @Override
    public Optional<ExchangeRecord> byRef(String ref) {
        return db.snapshot(h -> h.createQuery("SELECT * FROM exchange WHERE ref = :ref").bind("ref", ref)
                .mapTo(ExchangeRow.class).findOne()
                .map(r -> assemble(h, List.of(r)).get(0)));
    }

    @Override
    public Map<ExchangeId, ExchangeRecord> byIds(Collection<ExchangeId> ids) {
        Map<ExchangeId, ExchangeRecord> found = new HashMap<>();
        db.snapshot(h -> {
            for (List<String> part : parts(ids.stream().map(ExchangeId::value).toList())) {
                assemble(h, h.createQuery("SELECT * FROM exchange WHERE id IN (<ids>)").bindList("ids", part)
                        .mapTo(ExchangeRow.class).list()).forEach(r -> found.put(r.id(), r));
            }
            return null;
        });
        return found;
    }

    @Override
    public Map<String, ExchangeRecord> byRefs(Collection<String> refs) {
        Map<String, ExchangeRecord> found = new HashMap<>();
        db.snapshot(h -> {
            for (List<String> part : parts(List.copyOf(refs))) {
                assemble(h, h.createQuery("SELECT * FROM exchange WHERE ref IN (<refs>)").bindList("refs", part)
                        .mapTo(ExchangeRow.class).list()).forEach(r -> found.put(r.exchange().ref(), r));
            }
            return null;
        });
        return found;
    }

    @Override
    public Page<ExchangeRecord> list(ExchangeQuery query, PageRequest page) {
        if (query.units() != null && query.units().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        ExchangePosition after = page.cursor() == null ? null : ExchangePosition.fromCursor(page.cursor());
        StringBuilder sql = new StringBuilder("SELECT e.* FROM exchange e WHERE 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        if (query.from() != null) {
            sql.append(" AND e.date >= :from");
            binds.put("from", query.from().toString());
        }
        if (query.to() != null) {
            sql.append(" AND e.date <= :to");
            binds.put("to", query.to().toString());
        }
        if (query.kind() != null) {
            sql.append(" AND e.kind = :kind");
            binds.put("kind", query.kind().wireName());
        }
        if (query.units() != null) {
            sql.append(" AND e.id IN (SELECT exchange_id FROM breakdown_line WHERE unit_id IN (<units>))");
        }
        if (query.cohort() != null) {
            sql.append(" AND e.id IN (SELECT exchange_id FROM breakdown_line WHERE cohort_id = :cohort)");
            binds.put("cohort", query.cohort().value());
        }
        if (query.mediator() != null) {
            sql.append(" AND e.id IN (SELECT exchange_id FROM exchange_mediator WHERE name_key = :mediator)");
            binds.put("mediator", ExchangeQuery.lowerCase(query.mediator()));
        }
        if (query.operation() != null) {
            sql.append(" AND e.operation = :operation");
            binds.put("operation", query.operation());
        }
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND e.id IN (SELECT exchange_id FROM exchange_word WHERE word >= :w").append(i)
                    .append(" AND word < :wEnd").append(i).append(')');
            binds.put("w" + i, words.get(i));
            binds.put("wEnd" + i, words.get(i) + WORD_END);
        }
        if (after != null) {
            sql.append(" AND (e.date < :afterDate OR (e.date = :afterDate AND e.sequence < :afterSequence))");
            binds.put("afterDate", after.date().toString());
            binds.put("afterSequence", after.sequence());
        }
        sql.append(" ORDER BY e.date DESC, e.sequence DESC LIMIT :limit");
        binds.put("limit", page.limit() + 1);

        List<ExchangeRecord> matching = db.snapshot(h -> {
            Query select = h.createQuery(sql.toString()).bindMap(binds);
            if (query.units() != null) {
                select.bindList("units", query.units().stream().map(UnitId::value).sorted().toList());
            }
            return assemble(h, select.mapTo(ExchangeRow.class).list());
        });
        if (matching.size() <= page.limit()) {
            return new Page<>(matching, null);
        }
        List<ExchangeRecord> items = matching.subList(0, page.limit());
        return new Page<>(items, ExchangePosition.of(items.get(items.size() - 1)).toCursor());
    }

    /** Reads {@value #BATCH} records at a time, all from one read transaction (one moment of the ledger). */
    @Override
    public void forEach(Consumer<ExchangeRecord> action) {
        db.snapshot(h -> {
            ExchangePosition after = null;
            while (true) {
                Query select;
                if (after == null) {
                    select = h.createQuery("SELECT * FROM exchange ORDER BY date, sequence LIMIT :limit");
                } else {
                    select = h.createQuery("""
                                    SELECT * FROM exchange
                                    WHERE date > :date OR (date = :date AND sequence > :sequence)
                                    ORDER BY date, sequence LIMIT :limit""")
                            .bind("date", after.date().toString())
                            .bind("sequence", after.sequence());
                }
                List<ExchangeRecord> batch = assemble(h, select.bind("limit", BATCH).mapTo(ExchangeRow.class).list());
                batch.forEach(action);
                if (batch.size() < BATCH) {
                    return null;
                }
                after = ExchangePosition.of(batch.get(batch.size() - 1));
            }
        });
    }

    /** One statement, shared with every SQL store, sorted by SQLite: one stage at a time in the heap. */
    @Override
    public void forEachStage(Predicate<Stage> action) {
        db.snapshot(h -> {
            StageQuery.forEachStage(h, action);
            return null;
        });
    }

    @Override
    public boolean anyLineWith(UnitId unit) {
        return exists("SELECT EXISTS (SELECT 1 FROM breakdown_line WHERE unit_id = :id)", unit.value());
    }

    @Override
    public boolean anyLineWith(CohortId cohort) {
        return exists("SELECT EXISTS (SELECT 1 FROM breakdown_line WHERE cohort_id = :id)", cohort.value());
    }

    private boolean exists(String sql, String id) {
        return db.read(h -> h.createQuery(sql).bind("id", id).mapTo(Boolean.class).one());
    }

    private static Optional<ExchangeRow> row(Handle h, ExchangeId id) {
        return h.createQuery("SELECT * FROM exchange WHERE id = :id").bind("id", id.value())
                .mapTo(ExchangeRow.class).findOne();
    }

    private static void requireRefFree(Handle h, String ref, ExchangeId owner) {
        if (ref == null) {
            return;
        }
        h.createQuery("SELECT id FROM exchange WHERE ref = :ref").bind("ref", ref).mapTo(String.class).findOne()
                .filter(holder -> !holder.equals(owner.value()))
                .ifPresent(holder -> {
                    throw refTaken(ref, holder);
                });
    }

    private static void requireIdsFree(Handle h, Collection<ExchangeId> ids) {
        for (List<String> part : parts(ids.stream().map(ExchangeId::value).toList())) {
            h.createQuery("SELECT id FROM exchange WHERE id IN (<ids>)").bindList("ids", part).mapTo(String.class)
                    .findFirst().ifPresent(id -> {
                        throw new Conflict("An exchange with id '" + id + "' already exists", id);
                    });
        }
    }

    /** The refs of new records: each free, and none given twice. */
    private static void requireRefsFree(Handle h, Map<ExchangeId, Exchange> exchanges) {
        Map<String, ExchangeId> owners = new HashMap<>();
        exchanges.forEach((id, exchange) -> {
            ExchangeId other = exchange.ref() == null ? null : owners.putIfAbsent(exchange.ref(), id);
            if (other != null) {
                throw refTaken(exchange.ref(), other.value());
            }
        });
        for (List<String> part : parts(List.copyOf(owners.keySet()))) {
            h.createQuery("SELECT ref, id FROM exchange WHERE ref IN (<refs>)").bindList("refs", part)
                    .map((rs, ctx) -> refTaken(rs.getString("ref"), rs.getString("id"))).findFirst()
                    .ifPresent(taken -> {
                        throw taken;
                    });
        }
    }

    private static Conflict refTaken(String ref, String holder) {
        return new Conflict("The ref '" + ref + "' is already used by exchange '" + holder + "'", holder);
    }

    /** {@code values} in lists of at most {@value #BATCH}: an {@code IN} list each database takes. */
    static List<List<String>> parts(List<String> values) {
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += BATCH) {
            parts.add(values.subList(from, Math.min(values.size(), from + BATCH)));
        }
        return parts;
    }

    /** The lines, mediators, sources and search words of these records: one batch per table. */
    private static void insertParts(Handle h, List<ExchangeRecord> records) {
        try (InsertBatch lines = new InsertBatch(h, "breakdown_line", "exchange_id", "position", "unit_id",
                "cohort_id", "count");
             InsertBatch mediators = new InsertBatch(h, "exchange_mediator", "exchange_id", "position", "name",
                     "name_key");
             InsertBatch sources = new InsertBatch(h, "exchange_source", "exchange_id", "position", "url", "title",
                     "publisher", "published_on");
             InsertBatch words = new InsertBatch(h, "exchange_word", "word", "exchange_id")) {
            for (ExchangeRecord record : records) {
                String id = record.id().value();
                Exchange exchange = record.exchange();
                for (int i = 0; i < exchange.breakdown().size(); i++) {
                    LineRow line = ROWS.toLineRow(id, i, exchange.breakdown().get(i));
                    lines.add(id, i, line.unitId(), line.cohortId(), line.count());
                }
                for (int i = 0; i < exchange.mediators().size(); i++) {
                    String name = exchange.mediators().get(i);
                    mediators.add(id, i, name, ExchangeQuery.lowerCase(name));
                }
                for (int i = 0; i < exchange.sources().size(); i++) {
                    SourceRow source = ROWS.toSourceRow(id, i, exchange.sources().get(i));
                    sources.add(id, i, source.url(), source.title(), source.publisher(), source.publishedOn());
                }
                for (String word : SearchWords.of(exchange)) {
                    words.add(word, id);
                }
            }
            lines.execute();
            mediators.execute();
            sources.execute();
            words.execute();
        }
    }

    /** The records of these rows, in the rows' order, with their parts read in one query per table. */
    private static List<ExchangeRecord> assemble(Handle h, List<ExchangeRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(ExchangeRow::id).toList();
        Map<String, List<BreakdownLine>> lines = parts(h, "breakdown_line", ids, LineRow.class).stream()
                .collect(Collectors.groupingBy(LineRow::exchangeId,
                        Collectors.mapping(ROWS::toLine, Collectors.toList())));
        Map<String, List<String>> mediators = parts(h, "exchange_mediator", ids, MediatorRow.class).stream()
                .collect(Collectors.groupingBy(MediatorRow::exchangeId,
                        Collectors.mapping(MediatorRow::name, Collectors.toList())));
        Map<String, List<Source>> sources = parts(h, "exchange_source", ids, SourceRow.class).stream()
                .collect(Collectors.groupingBy(SourceRow::exchangeId,
                        Collectors.mapping(ROWS::toSource, Collectors.toList())));
        List<ExchangeRecord> records = new ArrayList<>(rows.size());
        for (ExchangeRow row : rows) {
            Exchange exchange = ROWS.toExchange(row, mediators.getOrDefault(row.id(), List.of()),
                    lines.getOrDefault(row.id(), List.of()), sources.getOrDefault(row.id(), List.of()));
            records.add(ROWS.toExchangeRecord(row, exchange));
        }
        return records;
    }

    private static <R> List<R> parts(Handle h, String table, List<String> ids, Class<R> rowType) {
        return h.createQuery("SELECT * FROM " + table + " WHERE exchange_id IN (<ids>) ORDER BY exchange_id, position")
                .bindList("ids", ids)
                .mapTo(rowType)
                .list();
    }
}

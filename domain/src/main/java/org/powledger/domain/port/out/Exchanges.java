package org.powledger.domain.port.out;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.Stage;

/** The live exchange records of the ledger (deleted ones are gone from here; history keeps them). */
public interface Exchanges {

    /** Stores a new record, giving it the next place in recording order. */
    ExchangeRecord add(ExchangeId id, Exchange exchange, java.time.Instant at);

    /**
     * Stores new records, in the map's order, as {@link #add} would one by one: the ids and refs must be free
     * ({@link org.powledger.domain.model.Conflict} otherwise, and nothing is stored). A store may write them
     * in fewer statements; an import hands them over a few hundred at a time.
     */
    default List<ExchangeRecord> addAll(Map<ExchangeId, Exchange> exchanges, java.time.Instant at) {
        List<ExchangeRecord> added = new ArrayList<>(exchanges.size());
        exchanges.forEach((id, exchange) -> added.add(add(id, exchange, at)));
        return added;
    }

    /** Stores a new version of a record; its id, sequence and createdAt stay. */
    void replace(ExchangeRecord record);

    void remove(ExchangeId id);

    Optional<ExchangeRecord> byId(ExchangeId id);

    Optional<ExchangeRecord> byRef(String ref);

    /** The live records of these ids, by id; ids without one are absent. A store may read them in one query. */
    default Map<ExchangeId, ExchangeRecord> byIds(Collection<ExchangeId> ids) {
        Map<ExchangeId, ExchangeRecord> found = new HashMap<>();
        ids.forEach(id -> byId(id).ifPresent(r -> found.put(id, r)));
        return found;
    }

    /** The live records holding these refs, by ref; refs no record holds are absent. */
    default Map<String, ExchangeRecord> byRefs(Collection<String> refs) {
        Map<String, ExchangeRecord> found = new HashMap<>();
        refs.forEach(ref -> byRef(ref).ifPresent(r -> found.put(ref, r)));
        return found;
    }

    /** Newest first: by date descending, then by sequence descending. */
    Page<ExchangeRecord> list(ExchangeQuery query, PageRequest page);

    /** Every live record in ledger order (date, then sequence), streamed, for statistics and export. */
    void forEach(Consumer<ExchangeRecord> action);

    /**
     * Every live record's figures in statistics order ({@link Stage}: the stages of one exchange
     * together, exchanges in ledger order of their earliest stage), streamed from one moment of the
     * ledger until {@code action} answers false. Nothing is held between calls.
     */
    void forEachStage(Predicate<Stage> action);

    boolean anyLineWith(UnitId unit);

    boolean anyLineWith(CohortId cohort);
}

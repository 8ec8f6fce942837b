package org.powledger.domain.port.out;

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

    /** Stores a new version of a record; its id, sequence and createdAt stay. */
    void replace(ExchangeRecord record);

    void remove(ExchangeId id);

    Optional<ExchangeRecord> byId(ExchangeId id);

    Optional<ExchangeRecord> byRef(String ref);

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

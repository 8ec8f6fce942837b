package org.powledger.persistence.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.powledger.domain.model.BreakdownLine;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.Kind;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.statistics.Stage;

/**
 * Streams the ledger's stages in statistics order ({@link Stage}) with one statement, for every store
 * whose schema has {@code exchange} and {@code breakdown_line} as in the SQLite migration V1.
 *
 * <p>The statement sorts in the database, so the Java heap holds one stage at a time however large
 * the ledger. It runs unchanged on SQLite and PostgreSQL. Dialect-specific parts: none in the text
 * (its {@code LIMIT} is not standard SQL, but both take it); the {@code date} column is read with
 * {@code getString}, which gives {@code YYYY-MM-DD} for SQLite's text dates and for a PostgreSQL
 * {@code date} alike. PostgreSQL streams only inside a transaction with a fetch size, which
 * {@link #FETCH_SIZE} sets (SQLite's driver ignores it).
 *
 * <p>Part of the counting rules runs here, as the order of the rows (an operation's stages together,
 * placed at its earliest stage): {@code StatisticsContract} (one subclass per store) proves that the
 * statistics read through it equal the naive reference of API.md, with writes between the reads.
 */
public final class StageQuery {

    public static final int FETCH_SIZE = 1000;

    /**
     * An operation is its stages of one kind sharing {@code operation}; a record with no operation is
     * an exchange alone, placed where it stands itself. Only stages of operations look up their
     * earliest stage (through {@code exchange_by_operation}); a window function over every row was
     * measured 2.5 times slower on SQLite. {@code LIMIT} is not in the SQL standard but SQLite and
     * PostgreSQL both take it.
     */
    public static final String STAGES_IN_STATISTICS_ORDER = """
            SELECT e.id, e.sequence, e.date, e.kind, e.operation, e.returned, e.handed_over, e.civilians,
                   l.unit_id, l.cohort_id, l.count,
                   CASE WHEN e.operation IS NULL THEN e.date
                        ELSE (SELECT o.date FROM exchange o WHERE o.operation = e.operation AND o.kind = e.kind
                              ORDER BY o.date, o.sequence LIMIT 1) END AS exchange_date,
                   CASE WHEN e.operation IS NULL THEN e.sequence
                        ELSE (SELECT o.sequence FROM exchange o WHERE o.operation = e.operation AND o.kind = e.kind
                              ORDER BY o.date, o.sequence LIMIT 1) END AS exchange_sequence
            FROM exchange e
            LEFT JOIN breakdown_line l ON l.exchange_id = e.id
            ORDER BY exchange_date, exchange_sequence, e.date, e.sequence, l.position""";

    private StageQuery() {
    }

    /** Runs the statement on {@code handle} (inside the caller's read transaction) until {@code action} says stop. */
    public static void forEachStage(Handle handle, Predicate<Stage> action) {
        handle.createQuery(STAGES_IN_STATISTICS_ORDER).setFetchSize(FETCH_SIZE)
                .scanResultSet((rows, context) -> {
                    walk(rows.get(), action);
                    return null;
                });
    }

    private static void walk(ResultSet rows, Predicate<Stage> action) throws SQLException {
        // Ids are checked by a regular expression when made: profiled as the largest cost of the walk,
        // so each of the few unit and cohort ids is made once per walk.
        Map<String, UnitId> units = new HashMap<>();
        Map<String, CohortId> cohorts = new HashMap<>();
        Pending stage = null;
        while (rows.next()) {
            String id = rows.getString(1);
            if (stage == null || !stage.id.equals(id)) {
                if (stage != null && !action.test(stage.done())) {
                    return;
                }
                stage = new Pending(rows, id);
            }
            String unit = rows.getString(9);
            String cohort = rows.getString(10);
            if (unit != null || cohort != null) {
                stage.lines.add(new BreakdownLine(unit == null ? null : units.computeIfAbsent(unit, UnitId::of),
                        cohort == null ? null : cohorts.computeIfAbsent(cohort, CohortId::of), rows.getInt(11)));
            }
        }
        if (stage != null) {
            action.test(stage.done());
        }
    }

    /** One stage whose lines are still being read. */
    private static final class Pending {
        final String id;
        final long sequence;
        final LocalDate date;
        final Kind kind;
        final String operation;
        final long returned;
        final long handedOver;
        final long civilians;
        final List<BreakdownLine> lines = new ArrayList<>(5);

        Pending(ResultSet rows, String id) throws SQLException {
            this.id = id;
            this.sequence = rows.getLong(2);
            this.date = LocalDate.parse(rows.getString(3));
            this.kind = Kind.parse(rows.getString(4)).orElseThrow();
            this.operation = rows.getString(5);
            this.returned = rows.getLong(6);
            this.handedOver = rows.getLong(7);
            this.civilians = rows.getLong(8);
        }

        Stage done() {
            return new Stage(ExchangeId.of(id), sequence, date, kind, operation, returned, handedOver, civilians,
                    lines);
        }
    }
}

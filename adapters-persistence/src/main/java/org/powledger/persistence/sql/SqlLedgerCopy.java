package org.powledger.persistence.sql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Moves a whole ledger from one SQL store to another, row for row: every table of the schema (records
 * with their versions and timestamps, lines, history, reports, tokens as their hashes, idempotency keys)
 * and the ledger's counters, so that the target answers every read as the source did. The source is
 * read as one snapshot and streamed ({@value #BATCH} rows at a time); the target is written in one
 * transaction, so that a failed copy leaves it as empty as it was.
 */
public final class SqlLedgerCopy {

    /** The tables, parents before children; {@code ledger_state} is copied apart (one row, updated). */
    static final List<String> TABLES = List.of("unit", "cohort", "exchange", "breakdown_line", "exchange_mediator",
            "exchange_source", "exchange_word", "exchange_history", "report", "token", "idempotency_key");
    /** Tables of the database that are not the ledger's. */
    private static final Set<String> NOT_LEDGER = Set.of("ledger_state", "flyway_schema_history");
    private static final int BATCH = 500;

    private SqlLedgerCopy() {
    }

    /** How many rows each table received. */
    public record Copied(Map<String, Long> rows) {
    }

    /**
     * Copies {@code from} into {@code to}.
     *
     * @throws IllegalStateException when the target already holds data, or the source holds a table this
     *                               copy does not know (a schema newer than this build)
     */
    public static Copied copy(SqlLedgerStore from, SqlLedgerStore to) {
        SqlDatabase source = from.sqlDatabase();
        SqlDatabase target = to.sqlDatabase();
        return source.snapshot(read -> {
            List<String> unknown = source.tables(read).stream()
                    .filter(t -> !TABLES.contains(t) && !NOT_LEDGER.contains(t)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("The source holds tables this build cannot copy: " + unknown);
            }
            return target.write(write -> {
                for (String table : TABLES) {
                    if (write.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")").mapTo(Boolean.class).one()) {
                        throw new IllegalStateException("The target already holds data (in " + table
                                + "); copy only fills an empty ledger");
                    }
                }
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String table : TABLES) {
                    rows.put(table, copyTable(source, read, target, write, table));
                }
                Map<String, Object> state = read.createQuery(
                        "SELECT revision, exchange_sequence, report_sequence FROM ledger_state WHERE id = 1")
                        .mapToMap().one();
                // The commit of this transaction moves the revision on by one: the target ends where the source is.
                write.createUpdate("""
                        UPDATE ledger_state SET revision = :revision - 1, exchange_sequence = :exchangeSequence,
                               report_sequence = :reportSequence WHERE id = 1""")
                        .bind("revision", ((Number) state.get("revision")).longValue())
                        .bind("exchangeSequence", ((Number) state.get("exchange_sequence")).longValue())
                        .bind("reportSequence", ((Number) state.get("report_sequence")).longValue())
                        .execute();
                target.afterCopy(write);
                return new Copied(rows);
            });
        });
    }

    private static long copyTable(SqlDatabase source, Handle read, SqlDatabase target, Handle write, String table) {
        Map<String, Integer> targetTypes = columnTypes(write, table);
        List<String> columns = new ArrayList<>(columnTypes(read, table).keySet());
        columns.retainAll(targetTypes.keySet());
        String list = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES (:" + String.join(", :", columns) + ")";
        long[] count = {0};
        PreparedBatch[] batch = {write.prepareBatch(insert)};
        read.createQuery("SELECT " + list + " FROM " + table)
                .setFetchSize(BATCH)
                .mapToMap()
                .forEach(row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String column : columns) {
                        Object value = as(targetTypes.get(column), row.get(column));
                        if (table.equals("idempotency_key") && column.equals("key")) {
                            value = target.storable(source.unstored((String) value));
                        }
                        values.put(column, value);
                    }
                    batch[0].add(values);
                    if (++count[0] % BATCH == 0) {
                        batch[0].execute();
                        batch[0] = write.prepareBatch(insert);
                    }
                });
        if (batch[0].size() > 0) {
            batch[0].execute();
        }
        return count[0];
    }

    /** A value as the target column holds it: PostgreSQL's BOOLEAN is SQLite's 0/1, and back. */
    private static Object as(int targetType, Object value) {
        boolean flag = targetType == Types.BOOLEAN || targetType == Types.BIT;
        if (flag && value instanceof Number number) {
            return number.longValue() != 0;
        }
        if (!flag && value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return value;
    }

    /** The table's columns, lower-cased, and their JDBC types. */
    private static Map<String, Integer> columnTypes(Handle handle, String table) {
        return handle.createQuery("SELECT * FROM " + table + " WHERE 1 = 0").scanResultSet((supplier, ctx) -> {
            try {
                ResultSetMetaData meta = supplier.get().getMetaData();
                Map<String, Integer> types = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    types.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), meta.getColumnType(i));
                }
                return types;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the columns of " + table, e);
            }
        });
    }
}

package org.powledger.persistence.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;

/**
 * One table's INSERT as a JDBC batch with positional arguments, prepared once for many rows (at the
 * first: a write with no mediators or sources prepares nothing for them). An import
 * writes hundreds of thousands of rows: JFR showed JDBI's binding by name (a map per row, an argument
 * factory looked up per value) costing as much as SQLite's own insert, so the bulk writes bind here.
 */
final class InsertBatch implements AutoCloseable {

    private final Handle handle;
    private final String table;
    private final String sql;
    private PreparedStatement statement;
    private int size;

    InsertBatch(Handle handle, String table, String... columns) {
        this.handle = handle;
        this.table = table;
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)";
    }

    /** One row: the values in the columns' order; strings, numbers or null. */
    void add(Object... values) {
        try {
            if (statement == null) {
                statement = handle.getConnection().prepareStatement(sql);
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.addBatch();
            size++;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Writes the rows added since the last time, if any. */
    void execute() {
        try {
            if (size > 0) {
                statement.executeBatch();
                size = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("Cannot write to " + table + ": " + e.getMessage(), e);
    }
}

package org.powledger.persistence.sql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.powledger.domain.model.StoreUnavailable;

/**
 * The connections to one SQL database and the rules for using them, shared by every SQL store. While a
 * write runs, its handle is bound to the thread: every repository call on that thread joins it, reads
 * included, and a nested write joins the outer one. Reads outside a write take a pooled connection; a
 * snapshot holds one read transaction so that several statements see one moment. How a write excludes
 * other writes, and how a snapshot begins, is each database's own: {@link #beginWrite}, {@link #beginSnapshot};
 * so is whether writes share a commit ({@link #writeTransaction}).
 */
public abstract class SqlDatabase implements AutoCloseable {

    private final Jdbi reads;
    private final Jdbi writes;
    private final ThreadLocal<Handle> writing = new ThreadLocal<>();
    private final ThreadLocal<Handle> snapshot = new ThreadLocal<>();

    protected SqlDatabase(Jdbi reads, Jdbi writes) {
        this.reads = configure(reads);
        this.writes = configure(writes);
    }

    /** Reads with the thread's current handle (its write or snapshot), else with a pooled connection. */
    public <T> T read(Function<Handle, T> work) {
        Handle bound = current();
        if (bound != null) {
            return work.apply(bound);
        }
        try {
            return reads.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /**
     * Reads several statements as of one moment: a read transaction on one pooled connection, bound to
     * the thread so that the repositories called from {@code work} see the same moment. The first
     * statement after the transaction begins pins the moment at once (SQLite's deferred {@code BEGIN} and
     * PostgreSQL's {@code REPEATABLE READ} both take their snapshot only at the first read). The reader
     * takes no lock a writer waits for and writes nothing, so the revision stays put.
     */
    public <T> T snapshot(Function<Handle, T> work) {
        Handle bound = current();
        if (bound != null) {
            return work.apply(bound);
        }
        try {
            return reads.withHandle(handle -> snapshotOn(handle, work));
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private <T> T snapshotOn(Handle handle, Function<Handle, T> work) {
        beginSnapshot(handle);
        snapshot.set(handle);
        T result;
        try {
            handle.select("SELECT revision FROM ledger_state WHERE id = 1").mapTo(Long.class).one();
            result = work.apply(handle);
        } catch (RuntimeException | Error e) {
            snapshot.remove();
            rollBack(handle, e);
            throw e;
        }
        snapshot.remove();
        endSnapshot(handle);
        return result;
    }

    /** Writes with the thread's write handle, starting a write of its own when there is none. */
    public <T> T write(Function<Handle, T> work) {
        return transaction(() -> work.apply(writing.get()));
    }

    /**
     * One write, alone among writes ({@link #writeTransaction}): commits and moves the revision on, or
     * rolls back. Within a write, joins it.
     */
    public <T> T transaction(Supplier<T> work) {
        return transaction(work, false);
    }

    /**
     * As {@link #transaction(Supplier)}, for a write that may run long (an import): it shares its commit
     * with no other write ({@link org.powledger.domain.port.out.Transactions#writeAlone}).
     */
    public <T> T transactionAlone(Supplier<T> work) {
        return transaction(work, true);
    }

    private <T> T transaction(Supplier<T> work, boolean alone) {
        if (writing.get() != null) {
            return work.get();
        }
        if (snapshot.get() != null) {
            throw new IllegalStateException("a write cannot start inside a read transaction");
        }
        try {
            return writeTransaction(work, alone);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /**
     * Runs one outermost write: by default a transaction of its own ({@link #beginWrite} keeps the other
     * writes out) committed before it returns. A database may instead let writes share a commit, as long
     * as each returns only once its work is committed; {@code alone} asks for a commit of its own.
     */
    protected <T> T writeTransaction(Supplier<T> work, boolean alone) {
        try (Handle handle = beginWriteOn()) {
            try {
                T result = bound(handle, work);
                handle.execute("COMMIT");
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(handle, e);
                throw e;
            }
        }
    }

    /** A write connection with a write transaction begun on it ({@link #beginWrite}); the caller closes it. */
    protected final Handle beginWriteOn() {
        Handle handle = writes.open();
        try {
            beginWrite(handle);
        } catch (RuntimeException | Error e) {
            // A write refused its turn (PostgreSQL's lock_timeout) leaves an aborted transaction behind:
            // rolled back here, so the connection goes back to the pool clean.
            rollBack(handle, e);
            handle.close();
            throw e;
        }
        return handle;
    }

    /**
     * Runs a write's work on {@code handle}, in the transaction the caller began there, with the handle
     * bound to the thread (every repository call joins it), and moves the revision on when it succeeds.
     */
    protected final <T> T bound(Handle handle, Supplier<T> work) {
        writing.set(handle);
        try {
            T result = work.get();
            handle.execute("UPDATE ledger_state SET revision = revision + 1 WHERE id = 1");
            return result;
        } finally {
            writing.remove();
        }
    }

    public long revision() {
        return read(h -> h.select("SELECT revision FROM ledger_state WHERE id = 1").mapTo(Long.class).one());
    }

    /** Whether a statement runs right now. */
    public boolean isUp() {
        try {
            return revision() >= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closes the connections, after the write in progress if any. */
    @Override
    public abstract void close();

    /**
     * {@code text} as this database can hold it in a text column; the default holds any text. Only keys
     * built by the application pass through here (an Idempotency-Key scoped to its client holds a NUL).
     */
    protected String storable(String text) {
        return text;
    }

    /** The text that {@link #storable} turned into {@code stored}. */
    protected String unstored(String stored) {
        return stored;
    }

    /** Begins a write transaction that no other write, of any process, interleaves with. */
    protected abstract void beginWrite(Handle handle);

    /** Begins a read-only transaction that sees one moment of the database. */
    protected abstract void beginSnapshot(Handle handle);

    /** Ends a snapshot begun by {@link #beginSnapshot}: it wrote nothing, so it rolls back. */
    protected void endSnapshot(Handle handle) {
        handle.execute("ROLLBACK");
    }

    /** The names of the database's own tables, lower-case. */
    protected abstract List<String> tables(Handle handle);

    /** Brings what numbers rows by itself (an identity column) past the rows a copy wrote. */
    protected void afterCopy(Handle handle) {
    }

    /** Rolls back what is left of a failed transaction; a failed COMMIT may or may not have ended it. */
    protected void rollBack(Handle handle, Throwable cause) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A failure to reach the database, or to get a write's turn in time, as {@link StoreUnavailable} (503
     * with Retry-After: nothing was written); any other failure as it is.
     */
    private static RuntimeException translated(RuntimeException e) {
        if (e instanceof StoreUnavailable) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return new StoreUnavailable("The database cannot be reached or is busy; try again shortly", e);
            }
        }
        return e;
    }

    /** Connection failures (08…), the server shutting down or starting (57P0…), a lock not had in time (55P03). */
    private static boolean unreachable(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("57P0") || sqlState.equals("55P03"));
    }

    private Handle current() {
        Handle handle = writing.get();
        return handle != null ? handle : snapshot.get();
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        for (Class<?> row : new Class<?>[] {ExchangeRow.class, LineRow.class, MediatorRow.class, SourceRow.class,
                UnitRow.class, CohortRow.class, ReportRow.class, HistoryRow.class,
                IdempotencyRow.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        return jdbi;
    }

    /** The innermost message of an error: what the driver or the database said. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

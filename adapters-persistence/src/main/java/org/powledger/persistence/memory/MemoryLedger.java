package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one lock of the in-memory store and what it guards besides the collections: the revision, the
 * undo log of the write in progress, and the snapshots of the read transactions.
 *
 * <p>Every repository call takes the lock for its own length only: shared for a read, alone for a
 * write, which holds it from its first statement to its last, so no reader ever sees half of a write.
 * A write that fails is undone step by step, so the in-memory store rolls back like the others.
 *
 * <p>A read transaction copies the ledger's tables (those registered with {@link #table}) once, under
 * the shared lock, and lets go of the lock: every repository call of that thread then reads the copy.
 * So a read held open never makes a write wait, and sees one moment of the ledger, as SQLite's WAL
 * readers do. Copying costs a pass over the records, which the in-memory store (tests, trying the
 * server out) can afford.
 */
final class MemoryLedger {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Table<?>> tables = new ArrayList<>();
    private final ThreadLocal<Snapshot> snapshot = new ThreadLocal<>();
    private List<Runnable> undo;
    private long revision;
    private volatile boolean open = true;

    /** What one read transaction sees: a copy of each table and the revision they were copied at. */
    private record Snapshot(Map<Table<?>, Object> copies, long revision) {
    }

    /**
     * State a read transaction copies. {@link #state} is the live state, or inside a read transaction
     * the thread's copy of it; the copy must share nothing a later write changes in place.
     */
    final class Table<S> {
        private final S live;
        private final UnaryOperator<S> copy;

        private Table(S live, UnaryOperator<S> copy) {
            this.live = live;
            this.copy = copy;
        }

        @SuppressWarnings("unchecked")
        S state() {
            Snapshot seen = snapshot.get();
            return seen == null ? live : (S) seen.copies().get(this);
        }
    }

    /** Registers a repository's state, to be copied by every read transaction. */
    synchronized <S> Table<S> table(S live, UnaryOperator<S> copy) {
        Table<S> table = new Table<>(live, copy);
        tables.add(table);
        return table;
    }

    <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} against one moment of the ledger; inside a write it joins the write. */
    <T> T readTransaction(Supplier<T> work) {
        if (snapshot.get() != null || lock.isWriteLockedByCurrentThread()) {
            return work.get();
        }
        snapshot.set(read(() -> {
            Map<Table<?>, Object> copies = new IdentityHashMap<>();
            for (Table<?> table : tables) {
                copies.put(table, copyOf(table));
            }
            return new Snapshot(copies, revision);
        }));
        try {
            return work.get();
        } finally {
            snapshot.remove();
        }
    }

    private static <S> S copyOf(Table<S> table) {
        return table.copy.apply(table.live);
    }

    /** Runs {@code work} as one write; a write started inside another joins it. */
    <T> T write(Supplier<T> work) {
        if (snapshot.get() != null) {
            throw new IllegalStateException("a write cannot start inside a read transaction");
        }
        lock.writeLock().lock();
        try {
            if (undo != null) {
                return work.get();
            }
            undo = new ArrayList<>();
            try {
                T result = work.get();
                revision++;
                return result;
            } catch (RuntimeException | Error e) {
                rollBack();
                throw e;
            } finally {
                undo = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Records how to take back a change just made; only called inside {@link #write}. */
    void onRollback(Runnable step) {
        if (!lock.isWriteLockedByCurrentThread() || undo == null) {
            throw new IllegalStateException("in-memory changes are only made inside a write");
        }
        undo.add(step);
    }

    long revision() {
        Snapshot seen = snapshot.get();
        return seen != null ? seen.revision() : read(() -> revision);
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
    }

    private void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }
}

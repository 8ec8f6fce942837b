package org.powledger.persistence.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one lock of the in-memory store and what it guards besides the collections: the revision and
 * the undo log of the write in progress. Reads share the lock; a write holds it alone from its first
 * statement to its last, so no reader ever sees half of a write. A write that fails is undone step
 * by step, so the in-memory store rolls back like the others.
 */
final class MemoryLedger {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private List<Runnable> undo;
    private long revision;
    private volatile boolean open = true;

    <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} as one write; a write started inside another joins it. */
    <T> T write(Supplier<T> work) {
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
        return read(() -> revision);
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

package org.powledger.persistence.sqlite;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.powledger.domain.model.StoreUnavailable;

/**
 * Writes on SQLite's single write connection, one at a time, that share one {@code COMMIT} (and one
 * fsync) when they arrive together.
 *
 * <p>A write takes its turn on the connection, joins the open transaction (beginning one if none is
 * open) inside a {@code SAVEPOINT} of its own, and runs its work there: a failed write rolls back to
 * its savepoint, so it leaves nothing and the others' work stays (the first write of a group needs no
 * savepoint: it fails with the whole transaction, which holds nothing else). When it is done and another write
 * waits for its turn, it leaves the transaction open for that one and waits for the group's commit;
 * the last write of a group (no one waiting, or the group full: {@code maxWrites} writes, or old: the
 * first of them has waited {@code maxAge}) commits it. Every write returns only after the commit that
 * holds its work succeeded; if that commit fails, every write of the group fails and nothing of it was
 * written. A write {@code alone}
 * (an import) first commits the group it finds open and then commits its own work at once, so it never
 * holds back a smaller write's answer and its outcome is its own.
 *
 * <p>The commit itself does not wait for the disk: the connection commits without an fsync and each
 * write of the group then waits, after giving up its turn, for an fsync of the log that began after the
 * commit ({@link WalSync}). So the next group's work runs while the last one's fsync is on its way, and
 * groups that end while an fsync runs share the next.
 */
final class GroupCommit {

    /** The most writes that share a commit, unless told otherwise: the first waits for at most as many. */
    static final int MAX_WRITES = 32;
    /**
     * How long the first write of a group waits for more, unless told otherwise: a steady stream of writes
     * still commits at least this often.
     */
    static final Duration MAX_AGE = Duration.ofMillis(10);
    /** How often a write waiting for its group's commit looks whether the group was left uncommitted. */
    private static final long LOOK_AGAIN_MS = 10;

    /** The connection, for the transaction begun on it: opens, commits, rolls back. */
    interface Connection {
        /** A handle with a write transaction begun on it. */
        Handle begin();

        /** Rolls back what is left of a failed transaction. */
        void rollBack(Handle handle, Throwable cause);
    }

    /** The transaction of one group: its handle, its writes, and how its commit went. */
    private final class Group {
        final Handle handle;
        /** When its first write was done, from {@link System#nanoTime()}; 0 until then. */
        long firstDone;
        int writes;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Throwable failure;
        /** The commit's {@link WalSync} ticket, once committed. */
        volatile long ticket;

        Group(Handle handle) {
            this.handle = handle;
        }

        boolean closed() {
            return writes >= maxWrites || firstDone != 0 && System.nanoTime() - firstDone >= maxAge.toNanos();
        }
    }

    private final ReentrantLock turn = new ReentrantLock(true);
    private final Duration wait;
    private final int maxWrites;
    private final Duration maxAge;
    private final Connection connection;
    private final Supplier<StoreUnavailable> busy;
    private final WalSync durable;
    /** The group whose transaction is open on the connection; only the writer holding {@link #turn} touches it. */
    private Group open;

    GroupCommit(Duration wait, Connection connection, Supplier<StoreUnavailable> busy, WalSync durable) {
        this(wait, MAX_WRITES, MAX_AGE, connection, busy, durable);
    }

    GroupCommit(Duration wait, int maxWrites, Duration maxAge, Connection connection,
                Supplier<StoreUnavailable> busy, WalSync durable) {
        this.wait = wait;
        this.maxWrites = maxWrites;
        this.maxAge = maxAge;
        this.connection = connection;
        this.busy = busy;
        this.durable = durable;
    }

    /**
     * Runs {@code work} on the connection in the open group (its own group when {@code alone}) and
     * returns its result once the group's commit holds it and is on the disk. Waits at most the store's wait for the turn,
     * then is {@link StoreUnavailable}, having written nothing.
     */
    <T> T write(Function<Handle, T> work, boolean alone) {
        takeTurn();
        Group group;
        T result;
        try {
            if (open != null && (alone || open.closed())) {
                commit(open);
            }
            if (open == null) {
                open = new Group(connection.begin());
            }
            group = open;
            try {
                result = group.writes++ == 0 ? first(group, work) : inSavepoint(group, work);
                if (group.firstDone == 0) {
                    group.firstDone = System.nanoTime();
                }
            } finally {
                if (open == group && (alone || group.closed() || !turn.hasQueuedThreads())) {
                    commit(group);
                }
            }
        } finally {
            turn.unlock();
        }
        awaitCommit(group);
        durable.awaitDurable(group.ticket);
        return result;
    }

    /** How many writes wait for their turn now. */
    int waiting() {
        return turn.getQueueLength();
    }

    /** Runs {@code last} on the connection once the open group, if any, is committed, with no write beside it. */
    void close(Runnable last) {
        turn.lock();
        try {
            if (open != null) {
                commit(open);
            }
            last.run();
        } finally {
            turn.unlock();
        }
    }

    private void takeTurn() {
        try {
            if (!turn.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.get();
        }
    }

    /**
     * The first write of a group needs no savepoint: should it fail, the whole transaction holds only
     * its work, and is rolled back with the group, which no other write has joined yet.
     */
    private <T> T first(Group group, Function<Handle, T> work) {
        try {
            return work.apply(group.handle);
        } catch (RuntimeException | Error e) {
            end(group, e);
            throw e;
        }
    }

    private <T> T inSavepoint(Group group, Function<Handle, T> work) {
        Handle handle = group.handle;
        handle.execute("SAVEPOINT write");
        try {
            T result = work.apply(handle);
            handle.execute("RELEASE write");
            return result;
        } catch (RuntimeException | Error e) {
            undo(group, e);
            throw e;
        }
    }

    /**
     * Takes back a failed write's work, and only its own. Should SQLite have rolled back the whole
     * transaction itself (a disk full, an I/O error), the savepoint is gone with it: the group ends failed.
     */
    private void undo(Group group, Throwable cause) {
        try {
            group.handle.execute("ROLLBACK TO write");
            group.handle.execute("RELEASE write");
        } catch (RuntimeException lost) {
            cause.addSuppressed(lost);
            end(group, new IllegalStateException("The write was not committed: the transaction it shared with "
                    + "other writes was rolled back (" + SqliteDatabase.rootMessage(cause) + ")", lost));
        }
    }

    /** Commits the group's transaction; a failed commit fails every write of the group. */
    private void commit(Group group) {
        try {
            group.handle.execute("COMMIT");
        } catch (RuntimeException e) {
            end(group, e);
            return;
        }
        group.ticket = durable.committed();
        end(group, null);
    }

    /** Ends the group: rolls back what is left if it failed, gives the connection back, wakes its writes. */
    private void end(Group group, Throwable failure) {
        if (failure != null) {
            connection.rollBack(group.handle, failure);
        }
        try {
            group.handle.close();
        } finally {
            group.failure = failure;
            open = null;
            group.ended.countDown();
        }
    }

    /**
     * Waits for the group's commit. Should the write that was to commit it have given up its turn
     * unasked (its wait ran out), the group would be left open: a waiting write then commits it itself.
     */
    private void awaitCommit(Group group) {
        boolean interrupted = false;
        while (true) {
            try {
                if (group.ended.await(LOOK_AGAIN_MS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // its work may be committed still: the write waits for the outcome all the same
                continue;
            }
            // A write waiting for its turn will commit the group or pass it on: only a group with no one
            // waiting was left.
            if (!turn.hasQueuedThreads() && turn.tryLock()) {
                try {
                    if (open == group) {
                        commit(group);
                    }
                } finally {
                    turn.unlock();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = group.failure;
        if (failure != null) {
            throw new IllegalStateException("The write was not committed: " + SqliteDatabase.rootMessage(failure),
                    failure);
        }
    }
}

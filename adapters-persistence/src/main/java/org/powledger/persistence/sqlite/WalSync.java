package org.powledger.persistence.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes commits durable after they are made, so that the fsync of one group of writes overlaps the next
 * group's work instead of holding the write connection.
 *
 * <p>The write connection commits with {@code synchronous=NORMAL}: SQLite writes the commit's frames
 * into the write-ahead log and returns without syncing it (it still syncs the log before each checkpoint
 * and the database after it). A write is answered only after {@link #awaitDurable} has seen an fsync
 * of the log that began after its commit: the same durability as {@code synchronous=FULL}. Writers
 * waiting together share one fsync: the first to come syncs everything committed so far, and those it
 * covered return without one of their own. Other connections may read a commit before its fsync ends
 * (as InnoDB's do): a write is only answered once it is on disk.
 */
final class WalSync {

    /** Syncs the log to the disk. */
    interface Sync {
        void sync() throws IOException;
    }

    private final Sync sync;
    /** How many commits were made: a commit's ticket is the count just after it. */
    private final AtomicLong committed = new AtomicLong();
    /** One fsync at a time; the commits it covers are those counted before it began. */
    private final ReentrantLock syncing = new ReentrantLock();
    /** The highest ticket an ended fsync covered; read and written while holding {@link #syncing}. */
    private long synced;

    WalSync(Sync sync) {
        this.sync = sync;
    }

    /** Syncs the write-ahead log of the database in {@code file} ({@code file-wal}). */
    static WalSync of(Path file) {
        Path log = file.resolveSibling(file.getFileName() + "-wal");
        return new WalSync(() -> {
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.force(false);
            } catch (NoSuchFileException gone) {
                // No log: the last connection checkpointed it into the database, which SQLite synced.
            }
        });
    }

    /** Counts a commit just made; its ticket, for {@link #awaitDurable}. */
    long committed() {
        return committed.incrementAndGet();
    }

    /** Returns once an fsync that began after the commit of {@code ticket} has ended. */
    void awaitDurable(long ticket) {
        syncing.lock();
        try {
            if (synced >= ticket) {
                return; // another writer's fsync covered this commit while it waited
            }
            long covered = committed.get();
            sync.sync();
            synced = covered;
        } catch (IOException e) {
            throw new UncheckedIOException("The write was committed but could not be synced to the disk", e);
        } finally {
            syncing.unlock();
        }
    }
}

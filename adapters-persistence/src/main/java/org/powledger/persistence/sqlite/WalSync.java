package org.powledger.persistence.sqlite;

import java.io.IOException;
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
 *
 * <p>A failed fsync is final: the kernel may have dropped the pages it could not write and report the
 * loss only once, so a later fsync that succeeds proves nothing about the commits before it. Every
 * write after it fails, and the store reports itself down, until the server is restarted (SQLite then
 * recovers the log as far as it is intact). PostgreSQL stops for the same reason.
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
    /** The first fsync that failed; once set, nothing is durable any more. */
    private volatile IOException failed;

    WalSync(Sync sync) {
        this.sync = sync;
    }

    /**
     * Syncs the write-ahead log of the database in {@code file}: {@code file-wal} beside the file itself
     * (a link is followed, as SQLite follows it). With no log (the last connection checkpointed it into the
     * database and removed it) the database file is synced instead: never nothing.
     */
    static WalSync of(Path file) {
        return new WalSync(new LogFile(file));
    }

    /** Where SQLite keeps the log of the database in {@code file}: beside the file a link leads to. */
    static Path logOf(Path file) throws IOException {
        Path database = file.toRealPath();
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    /**
     * The log's file, opened for each fsync (SQLite may remove and make it again while no connection is
     * open); where the link leads is looked up once, at the first fsync (always under the lock).
     */
    private static final class LogFile implements Sync {
        private final Path file;
        private Path log;

        LogFile(Path file) {
            this.file = file;
        }

        @Override
        public void sync() throws IOException {
            if (log == null) {
                log = logOf(file);
            }
            try {
                force(log);
            } catch (NoSuchFileException noLog) {
                force(file.toRealPath());
            }
        }

        private static void force(Path path) throws IOException {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.force(false);
            }
        }
    }

    /** Counts a commit just made; its ticket, for {@link #awaitDurable}. */
    long committed() {
        return committed.incrementAndGet();
    }

    /** Whether every fsync so far succeeded. */
    boolean healthy() {
        return failed == null;
    }

    /** Returns once an fsync that began after the commit of {@code ticket} has ended. */
    void awaitDurable(long ticket) {
        syncing.lock();
        try {
            if (failed != null) {
                throw lost(failed);
            }
            if (synced >= ticket) {
                return; // another writer's fsync covered this commit while it waited
            }
            long covered = committed.get();
            syncUninterrupted();
            synced = covered;
        } finally {
            syncing.unlock();
        }
    }

    /** A write interrupted while it waited still needs its fsync: a channel would refuse an interrupted thread. */
    private void syncUninterrupted() {
        boolean interrupted = Thread.interrupted();
        try {
            sync.sync();
        } catch (IOException e) {
            failed = e;
            throw lost(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IllegalStateException lost(IOException cause) {
        return new IllegalStateException("The write was committed but could not be synced to the disk ("
                + cause.getMessage() + "); no write is acknowledged until the server is restarted", cause);
    }
}

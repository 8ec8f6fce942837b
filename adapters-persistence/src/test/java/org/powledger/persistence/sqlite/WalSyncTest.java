package org.powledger.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.persistence.contract.Latches.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit is answered only after an fsync that began after it; commits that wait while an fsync runs
 * share the next one; a failed fsync fails its write and every later one; an interrupt does not keep a
 * write from its fsync; the log synced is the one SQLite writes, beside the file a link leads to.
 */
class WalSyncTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** The commits made when each fsync began. */
    private final List<Long> syncs = new CopyOnWriteArrayList<>();
    private final AtomicLong commits = new AtomicLong();

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void a_commit_is_durable_only_after_an_fsync_that_began_after_it() {
        WalSync durable = new WalSync(() -> syncs.add(commits.get()));

        durable.awaitDurable(commit(durable));
        durable.awaitDurable(commit(durable));

        assertThat(syncs).as("the commits made as each fsync began").containsExactly(1L, 2L);
    }

    @Test
    void commits_that_wait_while_an_fsync_runs_share_the_next_one() throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch releaseSync = new CountDownLatch(1);
        WalSync durable = new WalSync(() -> {
            syncs.add(commits.get());
            if (syncs.size() == 1) {
                syncing.countDown();
                await(releaseSync);
            }
        });
        long first = commit(durable);
        Future<?> firstWrite = pool.submit(() -> durable.awaitDurable(first));
        assertThat(syncing.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> later = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long ticket = commit(durable);
            later.add(pool.submit(() -> durable.awaitDurable(ticket)));
        }

        releaseSync.countDown();
        firstWrite.get(10, TimeUnit.SECONDS);
        for (Future<?> write : later) {
            write.get(10, TimeUnit.SECONDS);
        }

        assertThat(syncs).as("the commits made as each fsync began").containsExactly(1L, 6L);
    }

    @Test
    void a_failed_fsync_fails_its_write_and_every_write_after_it() {
        AtomicBoolean diskGone = new AtomicBoolean(true);
        WalSync durable = new WalSync(() -> {
            if (diskGone.get()) {
                throw new IOException("disk gone");
            }
        });

        assertThatThrownBy(() -> durable.awaitDurable(commit(durable)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be synced");
        diskGone.set(false);

        // The kernel may have dropped what it could not write: a later fsync that succeeds proves nothing.
        assertThatThrownBy(() -> durable.awaitDurable(commit(durable)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("until the server is restarted");
        assertThat(durable.healthy()).isFalse();
    }

    @Test
    void a_write_interrupted_while_it_waited_still_gets_its_fsync_and_keeps_its_interrupt() {
        List<Boolean> interruptedDuringSync = new CopyOnWriteArrayList<>();
        WalSync durable = new WalSync(() -> interruptedDuringSync.add(Thread.currentThread().isInterrupted()));

        Thread.currentThread().interrupt();
        try {
            durable.awaitDurable(commit(durable));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(interruptedDuringSync).containsExactly(false);
        assertThat(durable.healthy()).isTrue();
    }

    @Test
    void the_log_is_the_one_beside_the_file_a_link_leads_to() throws IOException {
        Path real = Files.createDirectory(folder.resolve("data")).resolve("ledger.db");
        Files.createFile(real);
        Path link = Files.createSymbolicLink(folder.resolve("ledger.db"), real);

        assertThat(WalSync.logOf(link)).isEqualTo(real.toRealPath().resolveSibling("ledger.db-wal"));
    }

    @Test
    void with_no_log_the_database_file_is_synced_and_with_no_file_at_all_the_write_fails() throws IOException {
        Path file = Files.createFile(folder.resolve("ledger.db"));
        WalSync durable = WalSync.of(file);

        durable.awaitDurable(durable.committed());
        Files.write(folder.resolve("ledger.db-wal"), new byte[] {1, 2, 3});
        durable.awaitDurable(durable.committed());
        assertThat(durable.healthy()).isTrue();

        WalSync nothing = WalSync.of(folder.resolve("gone.db"));
        assertThatThrownBy(() -> nothing.awaitDurable(nothing.committed()))
                .isInstanceOf(IllegalStateException.class);
    }

    private long commit(WalSync durable) {
        commits.incrementAndGet();
        return durable.committed();
    }
}

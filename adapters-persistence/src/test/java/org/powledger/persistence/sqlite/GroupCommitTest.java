package org.powledger.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.persistence.contract.Latches.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.domain.model.StoreUnavailable;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Writes that arrive together share one commit: each answers only once that commit holds its work, a
 * failed write takes back only its own work, a failed commit fails them all, a group is bounded, and a
 * write alone (an import) holds back no other write's answer. Each test lines writes up behind one that
 * holds the turn, so that they arrive together whatever the machine's speed; no group ages out unless the
 * test says so.
 */
class GroupCommitTest {

    private static final Duration NEVER = Duration.ofMinutes(10);

    @TempDir
    Path folder;

    private Jdbi jdbi;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final CountDownLatch releaseLast = new CountDownLatch(1);
    private final AtomicInteger commits = new AtomicInteger();
    /** The commits counted when each fsync began. */
    private final List<Integer> syncs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WalSync durable = new WalSync(() -> syncs.add(commits.get()));

    @BeforeEach
    void open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + folder.resolve("notes.db"));
        jdbi = Jdbi.create(source);
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            // Checked at COMMIT only: a write can leave an orphan that makes its group's commit fail.
            h.execute("CREATE TABLE note (text TEXT, "
                    + "parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
        });
    }

    @AfterEach
    void close() {
        releaseFirst.countDown();
        releaseLast.countDown();
        pool.shutdownNow();
    }

    @Test
    void writes_that_arrive_together_share_one_commit_and_none_answers_before_it() throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        CountDownLatch lastRunning = new CountDownLatch(1);
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> second = queued(writes, note("b"));
        Future<String> last = queued(writes, noteAndHold("c", lastRunning, releaseLast));

        releaseFirst.countDown();
        await(lastRunning);

        assertThat(first.isDone()).as("the first write has answered").isFalse();
        assertThat(second.isDone()).as("the second write has answered").isFalse();
        assertThat(committedNotes()).isEmpty();

        releaseLast.countDown();

        assertThat(List.of(answer(first), answer(second), answer(last))).containsExactly("a", "b", "c");
        assertThat(committedNotes()).containsExactly("a", "b", "c");
        assertThat(commits).hasValue(1);
        assertThat(syncs).as("the commits counted as each fsync began: one, after the group's commit").containsExactly(1);
    }

    @Test
    void a_failed_write_takes_back_only_its_own_work_and_keeps_its_own_error() throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        IllegalStateException failure = new IllegalStateException("b fails half way");
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> failing = queued(writes, h -> {
            note("b").apply(h);
            throw failure;
        });
        Future<String> last = queued(writes, note("c"));

        releaseFirst.countDown();

        assertThat(answer(first)).isEqualTo("a");
        assertThat(answer(last)).isEqualTo("c");
        assertThatThrownBy(() -> answer(failing)).isSameAs(failure);
        assertThat(committedNotes()).containsExactly("a", "c");
        assertThat(commits).hasValue(1);
    }

    @Test
    void a_failed_first_write_of_a_group_leaves_nothing_and_the_writes_behind_it_commit() throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        IllegalStateException failure = new IllegalStateException("a fails half way");
        CountDownLatch running = new CountDownLatch(1);
        Future<String> failing = pool.submit(() -> writes.write(h -> {
            noteAndHold("a", running, releaseFirst).apply(h);
            throw failure;
        }, false));
        await(running);
        Future<String> second = queued(writes, note("b"));
        Future<String> last = queued(writes, note("c"));

        releaseFirst.countDown();

        assertThatThrownBy(() -> answer(failing)).isSameAs(failure);
        assertThat(answer(second)).isEqualTo("b");
        assertThat(answer(last)).isEqualTo("c");
        assertThat(committedNotes()).containsExactly("b", "c");
        assertThat(commits).hasValue(1);
    }

    @Test
    void a_failed_commit_fails_every_write_of_its_group_and_leaves_nothing() throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> second = queued(writes, note("b"));
        Future<String> orphan = queued(writes, h -> {
            h.execute("INSERT INTO note (text, parent) VALUES ('orphan', 42)");
            return "orphan";
        });

        releaseFirst.countDown();

        for (Future<String> write : List.of(first, second, orphan)) {
            assertThatThrownBy(() -> answer(write)).hasMessageContaining("not committed")
                    .hasMessageContaining("FOREIGN KEY");
        }
        assertThat(committedNotes()).isEmpty();
        assertThat(writes.write(note("after"), false)).isEqualTo("after");
        assertThat(committedNotes()).containsExactly("after");
    }

    @Test
    void a_group_takes_at_most_its_number_of_writes() throws Exception {
        GroupCommit writes = groupCommit(2, NEVER);
        CountDownLatch lastRunning = new CountDownLatch(1);
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> second = queued(writes, note("b"));
        Future<String> third = queued(writes, noteAndHold("c", lastRunning, releaseLast));

        releaseFirst.countDown();
        await(lastRunning);

        assertThat(answer(first)).isEqualTo("a");
        assertThat(answer(second)).isEqualTo("b");
        assertThat(committedNotes()).containsExactly("a", "b");
        releaseLast.countDown();
        assertThat(answer(third)).isEqualTo("c");
        assertThat(commits).hasValue(2);
    }

    @Test
    void a_write_whose_group_waited_its_time_commits_though_others_wait() throws Exception {
        GroupCommit writes = groupCommit(32, Duration.ZERO);
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> second = queued(writes, note("b"));

        releaseFirst.countDown();

        assertThat(answer(first)).isEqualTo("a");
        assertThat(answer(second)).isEqualTo("b");
        assertThat(commits).hasValue(2);
    }

    @Test
    void a_write_alone_first_commits_the_group_it_finds_so_no_write_waits_on_it_for_its_answer()
            throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        CountDownLatch aloneRunning = new CountDownLatch(1);
        Future<String> first = holdingTheTurn(writes, "a");
        Future<String> second = queued(writes, note("b"));
        Future<String> alone = waitingFor(writes,
                () -> writes.write(noteAndHold("import", aloneRunning, releaseLast), true));

        releaseFirst.countDown();
        await(aloneRunning);

        assertThat(answer(first)).isEqualTo("a");
        assertThat(answer(second)).isEqualTo("b");
        assertThat(committedNotes()).containsExactly("a", "b");

        releaseLast.countDown();

        assertThat(answer(alone)).isEqualTo("import");
        assertThat(committedNotes()).containsExactly("a", "b", "import");
        assertThat(commits).hasValue(2);
    }

    @Test
    void a_write_alone_shares_its_commit_with_no_write_that_follows() throws Exception {
        GroupCommit writes = groupCommit(32, NEVER);
        CountDownLatch aloneRunning = new CountDownLatch(1);
        Future<String> alone = pool.submit(() -> writes.write(noteAndHold("import", aloneRunning, releaseLast), true));
        await(aloneRunning);
        AtomicInteger commitsSeenByNext = new AtomicInteger(-1);
        Future<String> next = queued(writes, h -> {
            commitsSeenByNext.set(commits.get());
            return note("b").apply(h);
        });

        releaseLast.countDown();

        assertThat(answer(alone)).isEqualTo("import");
        assertThat(answer(next)).isEqualTo("b");
        assertThat(commitsSeenByNext).as("commits made when the next write began").hasValue(1);
        assertThat(commits).hasValue(2);
    }

    @Test
    void a_write_that_cannot_get_its_turn_in_time_is_busy_and_writes_nothing() throws Exception {
        GroupCommit writes = new GroupCommit(Duration.ofMillis(100), 32, NEVER, connection(),
                () -> new StoreUnavailable("busy", null), durable);
        Future<String> first = holdingTheTurn(writes, "a");

        assertThatThrownBy(() -> writes.write(note("late"), false)).isInstanceOf(StoreUnavailable.class);

        releaseFirst.countDown();
        assertThat(answer(first)).isEqualTo("a");
        assertThat(committedNotes()).containsExactly("a");
    }

    private GroupCommit groupCommit(int maxWrites, Duration maxAge) {
        return new GroupCommit(Duration.ofSeconds(10), maxWrites, maxAge, connection(),
                () -> new StoreUnavailable("busy", null), durable);
    }

    /** A new connection for each group, counting its commits, with SQLite's write lock taken at once. */
    private GroupCommit.Connection connection() {
        return new GroupCommit.Connection() {
            @Override
            public Handle begin() {
                Handle handle = jdbi.open();
                try {
                    handle.getConnection().unwrap(SQLiteConnection.class).addCommitListener(new SQLiteCommitListener() {
                        @Override
                        public void onCommit() {
                            commits.incrementAndGet();
                        }

                        @Override
                        public void onRollback() {
                        }
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                handle.execute("BEGIN IMMEDIATE");
                return handle;
            }

            @Override
            public void rollBack(Handle handle, Throwable cause) {
                handle.execute("ROLLBACK");
            }
        };
    }

    /** A write that takes the turn, notes {@code text} and holds the turn until {@link #releaseFirst}. */
    private Future<String> holdingTheTurn(GroupCommit writes, String text) {
        CountDownLatch running = new CountDownLatch(1);
        Future<String> write = pool.submit(() -> writes.write(noteAndHold(text, running, releaseFirst), false));
        await(running);
        return write;
    }

    /** A write that waits for its turn behind those already waiting: returns once it waits. */
    private Future<String> queued(GroupCommit writes, Function<Handle, String> work) {
        return waitingFor(writes, () -> writes.write(work, false));
    }

    private Future<String> waitingFor(GroupCommit writes, Callable<String> write) {
        int waiting = writes.waiting();
        Future<String> future = pool.submit(write);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writes.waiting() <= waiting) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the write never came to wait for its turn");
            }
            Thread.onSpinWait();
        }
        return future;
    }

    /** Notes {@code text}, says it is {@code running}, and keeps the turn until {@code release}. */
    private static Function<Handle, String> noteAndHold(String text, CountDownLatch running, CountDownLatch release) {
        return h -> {
            note(text).apply(h);
            running.countDown();
            await(release);
            return text;
        };
    }

    private static Function<Handle, String> note(String text) {
        return h -> {
            h.execute("INSERT INTO note (text) VALUES (?)", text);
            return text;
        };
    }

    /** What another connection sees: committed notes only. */
    private List<String> committedNotes() {
        return jdbi.withHandle(h -> h.select("SELECT text FROM note ORDER BY text").mapTo(String.class).list());
    }

    private static String answer(Future<String> write) throws Exception {
        try {
            return write.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }
}

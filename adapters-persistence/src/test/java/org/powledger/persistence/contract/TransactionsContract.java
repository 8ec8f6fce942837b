package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.powledger.persistence.contract.Latches.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.StoreUnavailable;
import org.powledger.domain.model.Token;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.LedgerStore;

/** The contract of {@link org.powledger.domain.port.out.Transactions} and {@link org.powledger.domain.port.out.LedgerRevision}. */
public abstract class TransactionsContract extends StoreContract {

    /** A new, empty store (besides {@link #store}) whose writes wait at most {@code writeWait} for the store. */
    protected abstract LedgerStore newStore(Duration writeWait);

    @Test
    void a_write_returns_what_its_work_returns() {
        ExchangeRecord added = store.transactions().write(() -> add(on("2024-01-01")));

        assertThat(store.exchanges().byId(added.id())).contains(added);
    }

    @Test
    void every_write_of_a_use_case_is_kept_together() {
        ExchangeRecord added = store.transactions().write(() -> {
            ExchangeRecord record = add(on("2024-01-01").ref("together"));
            store.history().append(new HistoryEntry(record.id(), 1, HistoryEntry.Action.CREATED, T0, "admin",
                    record.exchange()));
            return record;
        });

        assertThat(store.exchanges().byRef("together")).contains(added);
        assertThat(store.history().of(added.id())).hasSize(1);
    }

    @Test
    void a_failing_write_leaves_nothing_behind_and_rethrows_the_same_exception() {
        IllegalStateException failure = new IllegalStateException("use case failed half way");

        assertThatThrownBy(() -> store.transactions().write(() -> {
            ExchangeRecord record = add(on("2024-01-01").ref("half").line("tro", 1));
            store.history().append(new HistoryEntry(record.id(), 1, HistoryEntry.Action.CREATED, T0, "admin",
                    record.exchange()));
            store.units().remove(UnitId.of("dpsu"));
            store.tokens().add(new Token("half", AccessScope.READ, "hash-half", T0));
            throw failure;
        })).isSameAs(failure);

        assertThat(store.exchanges().byRef("half")).isEmpty();
        assertThat(store.exchanges().list(org.powledger.domain.model.ExchangeQuery.everything(),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(store.exchanges().anyLineWith(UnitId.of("tro"))).isFalse();
        assertThat(store.units().byId(UnitId.of("dpsu"))).isPresent();
        assertThat(store.tokens().byName("half")).isEmpty();
    }

    @Test
    void a_failed_write_gives_away_no_place_in_recording_order() {
        ExchangeRecord before = add(on("2024-01-01"));
        assertThatThrownBy(() -> store.transactions().write(() -> {
            add(on("2024-01-01"));
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);

        ExchangeRecord after = add(on("2024-01-01"));

        assertThat(after.sequence()).isGreaterThan(before.sequence());
    }

    @Test
    void a_nested_write_joins_the_outer_one() {
        long before = store.revision().current();

        assertThatThrownBy(() -> store.transactions().write(() -> {
            store.transactions().write(() -> store.units().save(
                    Versioned.first(new Unit(UnitId.of("inner"), "Inner", null), T0)));
            assertThat(store.units().byId(UnitId.of("inner"))).isPresent();
            throw new IllegalArgumentException("outer fails after the inner write");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.units().byId(UnitId.of("inner"))).isEmpty();
        assertThat(store.revision().current()).isEqualTo(before);
    }

    @Test
    void a_write_sees_its_own_changes_before_it_commits() {
        store.transactions().write(() -> {
            ExchangeRecord record = add(on("2024-01-01").ref("mine"));
            assertThat(store.exchanges().byRef("mine")).contains(record);
            assertThat(store.exchanges().list(org.powledger.domain.model.ExchangeQuery.everything(),
                    PageRequest.first(5)).items()).containsExactly(record);
        });
    }

    @Test
    void every_committed_write_moves_the_revision_on() {
        long start = store.revision().current();

        store.transactions().write(() -> add(on("2024-01-01")));
        long afterOne = store.revision().current();
        store.transactions().write(() -> {
            add(on("2024-01-02"));
            add(on("2024-01-03"));
        });
        long afterTwo = store.revision().current();

        assertThat(afterOne).isGreaterThan(start);
        assertThat(afterTwo).isGreaterThan(afterOne);
    }

    @Test
    void a_write_alone_is_a_write_that_commits_whole_or_not_at_all() {
        long start = store.revision().current();

        ExchangeRecord kept = store.transactions().writeAlone(() -> add(on("2024-01-01").ref("alone")));
        assertThatThrownBy(() -> store.transactions().writeAlone(() -> {
            add(on("2024-01-02").ref("alone-failed"));
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.exchanges().byRef("alone")).contains(kept);
        assertThat(store.exchanges().byRef("alone-failed")).isEmpty();
        assertThat(store.revision().current()).isEqualTo(start + 1);
    }

    @Test
    void a_write_alone_inside_a_write_joins_it() {
        assertThatThrownBy(() -> store.transactions().write(() -> {
            store.transactions().writeAlone(() -> add(on("2024-01-01").ref("inner-alone")));
            throw new IllegalStateException("outer fails after the inner write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.exchanges().byRef("inner-alone")).isEmpty();
    }

    @Test
    void a_failed_write_leaves_the_revision_where_it_was() {
        long start = store.revision().current();

        assertThatThrownBy(() -> store.transactions().write(() -> {
            add(on("2024-01-01"));
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.revision().current()).isEqualTo(start);
    }

    @Test
    void reads_leave_the_revision_where_it_was() {
        long start = store.revision().current();

        store.units().all();
        store.exchanges().forEach(r -> { });

        assertThat(store.revision().current()).isEqualTo(start);
    }

    @Test
    void a_repository_write_outside_a_write_is_a_write_of_its_own() {
        long start = store.revision().current();

        store.tokens().add(new Token("alone", AccessScope.READ, "hash-alone", T0));

        assertThat(store.tokens().byName("alone")).isPresent();
        assertThat(store.revision().current()).isGreaterThan(start);
    }

    @Test
    void concurrent_writers_never_fail_and_never_interleave() throws Exception {
        int threads = 6;
        int writesEach = 20;
        long start = store.revision().current();

        inParallel(threads, thread -> {
            for (int i = 0; i < writesEach; i++) {
                String ref = "t" + thread + "-" + i;
                store.transactions().write(() -> {
                    ExchangeRecord record = add(on("2024-01-01").ref(ref).line("tro", 1));
                    store.history().append(new HistoryEntry(record.id(), 1, HistoryEntry.Action.CREATED,
                            T0, "thread-" + thread, record.exchange()));
                });
                store.exchanges().byRef(ref).orElseThrow();
            }
        });

        List<ExchangeRecord> all = new ArrayList<>();
        store.exchanges().forEach(all::add);
        assertThat(all).hasSize(threads * writesEach);
        assertThat(all).extracting(ExchangeRecord::sequence).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(r -> assertThat(store.history().of(r.id())).hasSize(1));
        assertThat(store.revision().current()).isEqualTo(start + threads * writesEach);
    }

    @Test
    void concurrent_writers_that_fail_take_back_only_their_own_work() throws Exception {
        int threads = 6;
        int writesEach = 20;
        long start = store.revision().current();

        inParallel(threads, thread -> {
            for (int i = 0; i < writesEach; i++) {
                String ref = "t" + thread + "-" + i;
                boolean fails = i % 3 == thread % 3;
                IllegalStateException failure = new IllegalStateException(ref + " fails");
                try {
                    store.transactions().write(() -> {
                        add(on("2024-01-01").ref(ref));
                        if (fails) {
                            throw failure;
                        }
                    });
                    assertThat(fails).as(ref + " answered").isFalse();
                    assertThat(store.exchanges().byRef(ref)).as(ref + " once answered").isPresent();
                } catch (IllegalStateException e) {
                    assertThat(e).isSameAs(failure);
                }
            }
        });

        List<String> refs = new ArrayList<>();
        store.exchanges().forEach(r -> refs.add(r.exchange().ref()));
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < writesEach; i++) {
                if (i % 3 != t % 3) {
                    expected.add("t" + t + "-" + i);
                }
            }
        }
        assertThat(refs).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.revision().current()).isEqualTo(start + expected.size());
    }

    @Test
    void readers_run_beside_writers_and_see_whole_writes_only() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Void> writer = pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    int n = i;
                    store.transactions().write(() -> {
                        add(on("2024-01-01").ref("pair-a-" + n));
                        add(on("2024-01-01").ref("pair-b-" + n));
                    });
                }
                return null;
            });
            Callable<Void> reader = () -> {
                while (!writer.isDone()) {
                    List<ExchangeRecord> seen = new ArrayList<>();
                    store.exchanges().forEach(seen::add);
                    assertThat(seen.size() % 2).as("records come in pairs").isZero();
                }
                return null;
            };
            Future<Void> r1 = pool.submit(reader);
            Future<Void> r2 = pool.submit(reader);
            writer.get(60, TimeUnit.SECONDS);
            r1.get(60, TimeUnit.SECONDS);
            r2.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_read_held_open_does_not_block_a_write_and_keeps_seeing_its_moment() throws Exception {
        ExchangeRecord before = add(on("2024-01-01").ref("before"));
        long revisionBefore = store.revision().current();
        CountDownLatch readOpen = new CountDownLatch(1);
        CountDownLatch writeDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> reader = pool.submit(() -> store.transactions().read(() -> {
                List<String> seen = new ArrayList<>();
                store.exchanges().forEach(r -> seen.add("first:" + r.exchange().ref()));
                readOpen.countDown();
                await(writeDone);
                store.exchanges().forEach(r -> seen.add("again:" + r.exchange().ref()));
                store.exchanges().byRef("during").ifPresent(r -> seen.add("byRef:during"));
                seen.add("units:" + store.units().all().size());
                seen.add("revision-moved:" + (store.revision().current() != revisionBefore));
                return seen;
            }));
            await(readOpen);

            Future<ExchangeRecord> writer = pool.submit(() -> store.transactions().write(() -> {
                store.units().remove(UnitId.of("dpsu"));
                return add(on("2024-01-02").ref("during"));
            }));
            ExchangeRecord during = writer.get(5, TimeUnit.SECONDS);
            writeDone.countDown();

            assertThat(reader.get(10, TimeUnit.SECONDS)).containsExactly("first:before", "again:before",
                    "units:" + LedgerFixtures.seedUnits().size(), "revision-moved:false");
            assertThat(store.exchanges().byId(during.id())).isPresent();
            assertThat(store.exchanges().byId(before.id())).isPresent();
        } finally {
            writeDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_read_leaves_the_revision_where_it_was() {
        add(on("2024-01-01"));
        long start = store.revision().current();

        int seen = store.transactions().read(() -> {
            List<ExchangeRecord> all = new ArrayList<>();
            store.exchanges().forEach(all::add);
            store.units().all();
            store.reports().all();
            return all.size();
        });

        assertThat(seen).isEqualTo(1);
        assertThat(store.revision().current()).isEqualTo(start);
    }

    @Test
    void a_write_inside_a_read_is_refused_and_changes_nothing() {
        long start = store.revision().current();

        assertThatThrownBy(() -> store.transactions().read(() -> store.transactions().write(
                () -> add(on("2024-01-01").ref("sneaked")))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.transactions().read(() -> add(on("2024-01-01").ref("sneaked"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.exchanges().byRef("sneaked")).isEmpty();
        assertThat(store.revision().current()).isEqualTo(start);
    }

    @Test
    void a_read_inside_a_write_joins_it_and_sees_its_changes() {
        store.transactions().write(() -> {
            ExchangeRecord record = add(on("2024-01-01").ref("unsaved"));
            assertThat(store.transactions().read(() -> store.exchanges().byRef("unsaved"))).contains(record);
        });
    }

    @Test
    void a_write_that_cannot_get_the_store_in_time_is_refused_as_busy_and_writes_nothing() throws Exception {
        Duration wait = Duration.ofMillis(300);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerStore busy = newStore(wait)) {
            Future<?> holder = pool.submit(() -> busy.transactions().write(() -> {
                holding.countDown();
                await(release);
            }));
            await(holding);
            Unit late = new Unit(UnitId.of("late"), "Late", null);

            long started = System.nanoTime();
            assertThatThrownBy(() -> busy.transactions().write(() -> busy.units().save(Versioned.first(late, T0))))
                    .isInstanceOf(StoreUnavailable.class);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            release.countDown();
            holder.get(5, TimeUnit.SECONDS);

            assertThat(waitedMs).isBetween(wait.toMillis() - 50, wait.toMillis() + 3_000);
            assertThat(busy.units().byId(late.id())).isEmpty();
            busy.transactions().write(() -> busy.units().save(Versioned.first(late, T0)));
            assertThat(busy.units().byId(late.id())).isPresent();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_read_held_open_never_makes_a_write_busy() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LedgerStore store = newStore(Duration.ofMillis(300))) {
            Future<?> reader = pool.submit(() -> store.transactions().read(() -> {
                store.units().all();
                reading.countDown();
                await(release);
            }));
            await(reading);

            store.transactions().write(() -> store.units().save(Versioned.first(new Unit(UnitId.of("on-time"),
                    "On time", null), T0)));

            release.countDown();
            reader.get(5, TimeUnit.SECONDS);
            assertThat(store.units().byId(UnitId.of("on-time"))).isPresent();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Runs {@code writer} on {@code threads} threads released together, and fails if any of them failed. */
    private static void inParallel(int threads, IntConsumer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    writer.accept(thread);
                    return null;
                }));
            }
            go.countDown();
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

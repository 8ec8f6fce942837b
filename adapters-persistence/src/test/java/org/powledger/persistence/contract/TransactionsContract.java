package org.powledger.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.HistoryEntry;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.Token;
import org.powledger.domain.model.Unit;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.model.Versioned;

/** The contract of {@link org.powledger.domain.port.out.Transactions} and {@link org.powledger.domain.port.out.LedgerRevision}. */
public abstract class TransactionsContract extends StoreContract {

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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int i = 0; i < writesEach; i++) {
                        String ref = "t" + thread + "-" + i;
                        store.transactions().write(() -> {
                            ExchangeRecord record = add(on("2024-01-01").ref(ref).line("tro", 1));
                            store.history().append(new HistoryEntry(record.id(), 1, HistoryEntry.Action.CREATED,
                                    T0, "thread-" + thread, record.exchange()));
                        });
                        store.exchanges().byRef(ref).orElseThrow();
                    }
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

        List<ExchangeRecord> all = new ArrayList<>();
        store.exchanges().forEach(all::add);
        assertThat(all).hasSize(threads * writesEach);
        assertThat(all).extracting(ExchangeRecord::sequence).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(r -> assertThat(store.history().of(r.id())).hasSize(1));
        assertThat(store.revision().current()).isEqualTo(start + threads * writesEach);
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
}

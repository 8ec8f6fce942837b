package org.powledger.application.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.powledger.domain.fixtures.LedgerFixtures.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.fixtures.SeedLedger;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.InvalidQuery;
import org.powledger.domain.model.NotFound;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;
import org.powledger.domain.statistics.LedgerSnapshot;
import org.powledger.domain.statistics.LedgerStatistics;
import org.powledger.domain.statistics.Stage;
import org.powledger.domain.statistics.Summary;

@ExtendWith(MockitoExtension.class)
class StatisticsServiceTest {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    @Mock
    private Exchanges exchanges;
    @Mock
    private Units units;
    @Mock
    private Cohorts cohorts;
    @Mock
    private Reports reports;
    @Mock
    private LedgerRevision revision;
    @Mock
    private ExchangeHistory history;

    private final List<ExchangeRecord> stored = new ArrayList<>();
    /** The ids the history was told of, in order: a mark is a length of it. */
    private final List<ExchangeId> written = new ArrayList<>();
    private long budget = Long.MAX_VALUE;
    private final AtomicInteger reads = new AtomicInteger();
    private final ThreadLocal<Boolean> reading = ThreadLocal.withInitial(() -> false);
    private StatisticsService service;

    @BeforeEach
    void setUp() {
        lenient().doAnswer(invocation -> {
            Predicate<Stage> action = invocation.getArgument(0);
            LedgerStatistics.inMemory(List.copyOf(stored)).forEachStage(action);
            return null;
        }).when(exchanges).forEachStage(any());
        lenient().when(units.all()).thenReturn(LedgerFixtures.seedUnits());
        lenient().when(cohorts.all()).thenReturn(List.of(LedgerFixtures.AZOVSTAL));
        lenient().when(reports.all()).thenReturn(List.of());
        lenient().when(history.mark()).thenAnswer(invocation -> (long) written.size());
        lenient().when(history.writtenSince(anyLong(), anyInt())).thenAnswer(invocation -> {
            long mark = invocation.getArgument(0);
            int limit = invocation.getArgument(1);
            Set<ExchangeId> since = new LinkedHashSet<>(written.subList((int) mark, written.size()));
            return since.size() > limit ? Optional.empty() : Optional.of(since);
        });
        lenient().when(exchanges.byId(any())).thenAnswer(invocation ->
                stored.stream().filter(r -> r.id().equals(invocation.getArgument(0))).findFirst());
        lenient().when(exchanges.byIds(any())).thenCallRealMethod();
        service = newService();
    }

    private StatisticsService newService() {
        return new StatisticsService(exchanges, history, units, cohorts, reports, revision, new Transactions() {
            @Override
            public <T> T write(Supplier<T> work) {
                throw new AssertionError("statistics never write");
            }

            @Override
            public <T> T read(Supplier<T> work) {
                reads.incrementAndGet();
                reading.set(true);
                try {
                    return work.get();
                } finally {
                    reading.set(false);
                }
            }
        }, budget);
    }

    /** Stores a record and tells the history, as every write of an exchange does. */
    private void store(String id, Exchange exchange) {
        stored.add(new ExchangeRecord(ExchangeId.of(id), stored.size() + 1, 1, AT, AT, exchange));
        written.add(ExchangeId.of(id));
    }

    @Test
    void reads_the_ledger_from_the_store_once_while_the_revision_stays_put() {
        store("a", exchange().date("2024-05-01").returned(10).build());
        when(revision.current()).thenReturn(7L);

        service.summary(null, null);
        service.yearly(null, null);
        service.units(LocalDate.of(2024, 1, 1), null);
        Summary again = service.summary(null, null);

        assertThat(again.peopleReturned()).isEqualTo(10);
        verify(exchanges, times(1)).forEachStage(any());
        verify(units, times(1)).all();
    }

    /** Exchange a (10) read at revision 1, then exchange b (5) written and read at revision 2: 15. */
    private void readThenWriteThenReadAgain() {
        store("a", exchange().date("2024-05-01").returned(10).build());
        when(revision.current()).thenReturn(1L);
        assertThat(service.summary(null, null).peopleReturned()).isEqualTo(10);

        store("b", exchange().date("2024-06-01").returned(5).build());
        when(revision.current()).thenReturn(2L);

        assertThat(service.summary(null, null).peopleReturned()).isEqualTo(15);
    }

    @Test
    void after_a_write_reads_only_what_the_history_says_was_written_since() {
        readThenWriteThenReadAgain();
        verify(exchanges, times(1)).forEachStage(any());
        verify(exchanges, times(1)).byId(ExchangeId.of("b"));
        verify(exchanges, never()).byId(ExchangeId.of("a"));
    }

    @Test
    void a_replaced_or_deleted_record_counts_as_it_now_is() {
        store("a", exchange().date("2024-05-01").returned(10).build());
        store("b", exchange().date("2024-06-01").returned(5).build());
        when(revision.current()).thenReturn(1L);
        assertThat(service.summary(null, null).exchanges()).isEqualTo(2);

        stored.set(0, stored.get(0).replacedBy(exchange().date("2023-01-01").returned(7).build(), AT));
        written.add(ExchangeId.of("a"));
        stored.remove(1);
        written.add(ExchangeId.of("b"));
        when(revision.current()).thenReturn(2L);

        assertThat(service.summary(null, null).peopleReturned()).isEqualTo(7);
        assertThat(service.summary(null, null).firstExchangeOn()).isEqualTo(LocalDate.of(2023, 1, 1));
        verify(exchanges, times(1)).forEachStage(any());
    }

    @Test
    void a_ledger_larger_than_the_budget_is_walked_in_the_store_on_each_new_revision() {
        budget = 10;
        service = newService();
        readThenWriteThenReadAgain();
        assertThat(service.yearly(null, null)).singleElement()
                .satisfies(y -> assertThat(y.peopleReturned()).isEqualTo(15));
        // the first read stops keeping at the first stage, then every question walks the store
        verify(exchanges, times(4)).forEachStage(any());
        verify(exchanges, never()).byId(any());
    }

    @Test
    void reads_the_ledger_and_its_revision_in_one_read_transaction() {
        store("a", exchange().date("2024-05-01").returned(10).build());
        when(revision.current()).thenAnswer(invocation -> reading.get() ? 9L : 8L);
        doAnswer(invocation -> {
            assertThat(reading.get()).as("the ledger is read inside the read transaction").isTrue();
            Predicate<Stage> action = invocation.getArgument(0);
            LedgerStatistics.inMemory(List.copyOf(stored)).forEachStage(action);
            return null;
        }).when(exchanges).forEachStage(any());

        assertThat(service.summary(null, null).peopleReturned()).isEqualTo(10);
        assertThat(reads.get()).isEqualTo(1);
        // Kept under the revision read in the snapshot (9), so the next call (outside: 8) reads again.
        service.summary(null, null);
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void a_revision_that_moves_back_is_a_new_revision_too() {
        when(revision.current()).thenReturn(5L);
        service.summary(null, null);
        when(revision.current()).thenReturn(4L);
        service.summary(null, null);

        verify(units, times(2)).all();
    }

    @Test
    void kept_answers_are_the_same_objects_until_the_revision_moves() {
        store("a", exchange().date("2024-05-01").returned(10).line("afu", 10).build());
        when(revision.current()).thenReturn(1L);
        Object first = service.firstReturns(null, null);

        assertThat(service.firstReturns(null, null)).isSameAs(first);
        when(revision.current()).thenReturn(2L);
        assertThat(service.firstReturns(null, null)).isNotSameAs(first);
    }

    @Test
    void concurrent_readers_of_one_revision_read_the_ledger_once() throws Exception {
        store("a", exchange().date("2024-05-01").returned(10).build());
        when(revision.current()).thenReturn(3L);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(() -> {
                    start.await();
                    return service.summary(null, null).peopleReturned();
                });
            }
            List<Future<Long>> results = new ArrayList<>();
            calls.forEach(c -> results.add(pool.submit(c)));
            start.countDown();
            for (Future<Long> result : results) {
                assertThat(result.get()).isEqualTo(10L);
            }
        } finally {
            pool.shutdownNow();
        }
        verify(exchanges, times(1)).forEachStage(any());
    }

    @Test
    void answers_the_seed_figures_from_a_store_holding_the_seed_ledger() {
        LedgerSnapshot seed = SeedLedger.snapshot();
        stored.addAll(seed.exchanges());
        when(units.all()).thenReturn(seed.units());
        when(reports.all()).thenReturn(seed.reports());
        when(revision.current()).thenReturn(1L);

        assertThat(service.summary(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).peopleReturned())
                .isEqualTo(1_358);
        assertThat(service.cohort("azovstal", null, null).recorded()).isEqualTo(1_279);
        assertThat(service.firstTimeUnits(SeedLedger.idOf("1000-for-1000-2").value()).count()).isEqualTo(46);
        assertThat(service.reconciliation(null, null)).hasSize(seed.reports().size());
    }

    @Test
    void from_after_to_is_an_invalid_query_naming_from_and_reads_nothing() {
        assertThatThrownBy(() -> service.summary(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
                .isInstanceOfSatisfying(InvalidQuery.class,
                        e -> assertThat(e.violations().get(0).parameter()).isEqualTo("from"));
        verify(revision, never()).current();
    }

    @Test
    void unknown_interval_is_an_invalid_query_naming_interval() {
        assertThatThrownBy(() -> service.periods(null, null, "fortnight", false))
                .isInstanceOfSatisfying(InvalidQuery.class,
                        e -> assertThat(e.violations().get(0).parameter()).isEqualTo("interval"));
    }

    @Test
    void interval_defaults_to_month() {
        store("a", exchange().date("2024-05-01").returned(10).build());
        when(revision.current()).thenReturn(1L);

        assertThat(service.periods(null, null, null, false)).singleElement()
                .satisfies(p -> assertThat(p.period()).isEqualTo("2024-05"));
    }

    @Test
    void an_id_that_cannot_be_a_cohort_or_an_exchange_is_not_found() {
        assertThatThrownBy(() -> service.cohort("Not A Slug", null, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.firstTimeUnits("../etc")).isInstanceOf(NotFound.class);
    }

    @Test
    void unknown_cohort_or_exchange_is_not_found() {
        when(revision.current()).thenReturn(1L);

        assertThatThrownBy(() -> service.cohort("nowhere", null, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.firstTimeUnits("ex_unknown")).isInstanceOf(NotFound.class);
    }
}

package org.powledger.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powledger.application.cohort.CohortService;
import org.powledger.application.exchange.ExchangeService;
import org.powledger.application.report.ReportService;
import org.powledger.application.transfer.TransferService;
import org.powledger.application.unit.UnitService;
import org.powledger.domain.model.AccessScope;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.CohortId;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeQuery;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Page;
import org.powledger.domain.model.PageRequest;
import org.powledger.domain.model.UnitId;
import org.powledger.domain.port.in.ImportRejected;
import org.powledger.domain.port.in.ImportRejected.LineProblem;
import org.powledger.domain.port.in.TransferringLedger.ImportOutcome;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.IdempotencyKeys;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Tokens;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.statistics.Stage;
import org.powledger.persistence.LedgerStores;
import org.powledger.web.transfer.LedgerFiles;

/**
 * An import reads and writes its exchange lines a few hundred at a time (issue 8), and still behaves as if
 * it took them one by one: all or nothing, every line seeing what the lines before it did.
 */
class ImportInChunksTest {

    private static final Actor EDITOR = new Actor("editor", AccessScope.WRITE);
    /** More than two chunks of exchange lines. */
    private static final int MANY = 1_200;

    @TempDir
    Path dir;

    private Ledger open(String store) {
        return Ledger.open(store.equals("sqlite") ? dir.resolve("ledger.db").toString() : "memory:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void an_import_whose_last_line_is_bad_writes_none_of_the_chunks_before_it(String store) {
        try (Ledger ledger = open(store)) {
            List<String> lines = manyExchanges();
            lines.add("{\"type\":\"exchange\",\"date\":\"2024-01-01\",\"kind\":\"prisoners\",\"returned\":-1}");

            assertThatThrownBy(() -> importLines(ledger, lines))
                    .isInstanceOfSatisfying(ImportRejected.class, rejected -> assertThat(rejected.problems())
                            .extracting(LineProblem::line).containsOnly((long) lines.size()));

            assertThat(ledger.store.units().all()).isEmpty();
            assertThat(ledger.store.exchanges().byId(ExchangeId.of("ex_1"))).isEmpty();
            assertThat(ledger.store.history().of(ExchangeId.of("ex_1"))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void many_lines_are_stored_in_order_each_in_the_history(String store) {
        try (Ledger ledger = open(store)) {
            ImportOutcome outcome = importLines(ledger, manyExchanges());

            assertThat(outcome).isEqualTo(new ImportOutcome(MANY + 1, 0, 0));
            ExchangeRecord first = ledger.store.exchanges().byId(ExchangeId.of("ex_1")).orElseThrow();
            ExchangeRecord last = ledger.store.exchanges().byId(ExchangeId.of("ex_" + MANY)).orElseThrow();
            assertThat(last.sequence() - first.sequence()).isEqualTo(MANY - 1);
            assertThat(last.exchange().breakdown()).extracting(l -> l.unit().value()).containsExactly("afu");
            assertThat(ledger.store.history().of(last.id())).singleElement()
                    .satisfies(entry -> assertThat(entry.exchange()).isEqualTo(last.exchange()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void a_line_sees_what_an_earlier_line_of_its_chunk_created_or_changed(String store) {
        try (Ledger ledger = open(store)) {
            ImportOutcome outcome = importLines(ledger, List.of(
                    exchange("ex_a", "r1", 10),
                    exchange("ex_a", null, 11),                   // updates the record line 1 created
                    "{\"type\":\"exchange\",\"ref\":\"r1\",\"date\":\"2024-01-01\",\"kind\":\"prisoners\","
                            + "\"returned\":12}",                  // finds it by the ref line 1 gave
                    exchange("ex_b", "r2", 5),
                    "{\"type\":\"exchange\",\"id\":\"ex_b\",\"ref\":\"r3\"}", // moves ex_b to ref r3
                    exchange("ex_c", "r2", 6)));                  // so r2 is free again

            assertThat(outcome).isEqualTo(new ImportOutcome(3, 3, 0));
            ExchangeRecord a = ledger.store.exchanges().byId(ExchangeId.of("ex_a")).orElseThrow();
            assertThat(a.version()).isEqualTo(3);
            assertThat(a.exchange().returned()).isEqualTo(12);
            assertThat(ledger.store.exchanges().byRef("r3")).map(r -> r.id().value()).contains("ex_b");
            assertThat(ledger.store.exchanges().byRef("r2")).map(r -> r.id().value()).contains("ex_c");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void a_ref_an_earlier_line_of_the_chunk_took_is_refused_on_the_later_line(String store) {
        try (Ledger ledger = open(store)) {
            assertThatThrownBy(() -> importLines(ledger, List.of(exchange("ex_a", "r1", 10),
                    exchange("ex_b", "r1", 11))))
                    .isInstanceOfSatisfying(ImportRejected.class, rejected -> assertThat(rejected.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.line()).isEqualTo(2);
                                assertThat(problem.message()).contains("r1");
                            }));
        }
    }

    @Test
    void the_exchange_lines_are_looked_up_and_stored_a_chunk_at_a_time_not_line_by_line() {
        try (LedgerStore memory = LedgerStores.open("memory:", null, Transactions.WRITE_WAIT)) {
            CountingStore store = new CountingStore(memory);
            Clock clock = Clock.systemUTC();
            TransferService transfer = new TransferService(store, new ExchangeService(store, clock),
                    new UnitService(store, clock), new CohortService(store, clock), new ReportService(store, clock));

            transfer.importLines(LedgerFiles.ndjson(ndjson(manyExchanges())), false, EDITOR);

            assertThat(store.singleReads).hasValue(0);
            assertThat(store.singleAdds).hasValue(0);
            // a few hundred lines a time: 1,200 lines in a handful of reads and writes
            assertThat(store.chunkReads.get()).isBetween(1, 3);
            assertThat(store.chunkAdds.get()).isBetween(1, 3);
        }
    }

    /** A unit, then {@value #MANY} exchanges naming it, with ids {@code ex_1…}. */
    private static List<String> manyExchanges() {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"unit\",\"id\":\"afu\",\"name\":\"Armed Forces of Ukraine\"}");
        for (int i = 1; i <= MANY; i++) {
            lines.add("{\"type\":\"exchange\",\"id\":\"ex_" + i + "\",\"date\":\"2024-01-01\",\"kind\":\"prisoners\","
                    + "\"returned\":" + i + ",\"breakdown\":[{\"unit\":\"afu\",\"count\":1}]}");
        }
        return lines;
    }

    private static String exchange(String id, String ref, int returned) {
        return "{\"type\":\"exchange\",\"id\":\"" + id + "\"" + (ref == null ? "" : ",\"ref\":\"" + ref + "\"")
                + ",\"date\":\"2024-01-01\",\"kind\":\"prisoners\",\"returned\":" + returned + "}";
    }

    private static ImportOutcome importLines(Ledger ledger, List<String> lines) {
        return ledger.transfer.importLines(LedgerFiles.ndjson(ndjson(lines)), false, EDITOR);
    }

    private static ByteArrayInputStream ndjson(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A store that counts how its exchanges are read and added, one at a time or many at once. */
    private static final class CountingStore implements LedgerStore {
        final AtomicInteger singleReads = new AtomicInteger();
        final AtomicInteger singleAdds = new AtomicInteger();
        final AtomicInteger chunkReads = new AtomicInteger();
        final AtomicInteger chunkAdds = new AtomicInteger();
        private final LedgerStore inner;
        private final Exchanges exchanges;

        CountingStore(LedgerStore inner) {
            this.inner = inner;
            Exchanges real = inner.exchanges();
            this.exchanges = new Exchanges() {
                @Override
                public ExchangeRecord add(ExchangeId id, Exchange exchange, Instant at) {
                    singleAdds.incrementAndGet();
                    return real.add(id, exchange, at);
                }

                @Override
                public List<ExchangeRecord> addAll(Map<ExchangeId, Exchange> all, Instant at) {
                    chunkAdds.incrementAndGet();
                    return real.addAll(all, at);
                }

                @Override
                public void replace(ExchangeRecord record) {
                    real.replace(record);
                }

                @Override
                public void remove(ExchangeId id) {
                    real.remove(id);
                }

                @Override
                public Optional<ExchangeRecord> byId(ExchangeId id) {
                    singleReads.incrementAndGet();
                    return real.byId(id);
                }

                @Override
                public Optional<ExchangeRecord> byRef(String ref) {
                    singleReads.incrementAndGet();
                    return real.byRef(ref);
                }

                @Override
                public Map<ExchangeId, ExchangeRecord> byIds(Collection<ExchangeId> ids) {
                    chunkReads.incrementAndGet();
                    return real.byIds(ids);
                }

                @Override
                public Map<String, ExchangeRecord> byRefs(Collection<String> refs) {
                    chunkReads.incrementAndGet();
                    return real.byRefs(refs);
                }

                @Override
                public Page<ExchangeRecord> list(ExchangeQuery query, PageRequest page) {
                    return real.list(query, page);
                }

                @Override
                public void forEach(Consumer<ExchangeRecord> action) {
                    real.forEach(action);
                }

                @Override
                public void forEachStage(Predicate<Stage> action) {
                    real.forEachStage(action);
                }

                @Override
                public boolean anyLineWith(UnitId unit) {
                    return real.anyLineWith(unit);
                }

                @Override
                public boolean anyLineWith(CohortId cohort) {
                    return real.anyLineWith(cohort);
                }
            };
        }

        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public boolean isUp() {
            return inner.isUp();
        }

        @Override
        public Exchanges exchanges() {
            return exchanges;
        }

        @Override
        public ExchangeHistory history() {
            return inner.history();
        }

        @Override
        public Units units() {
            return inner.units();
        }

        @Override
        public Cohorts cohorts() {
            return inner.cohorts();
        }

        @Override
        public Reports reports() {
            return inner.reports();
        }

        @Override
        public Tokens tokens() {
            return inner.tokens();
        }

        @Override
        public IdempotencyKeys idempotencyKeys() {
            return inner.idempotencyKeys();
        }

        @Override
        public Transactions transactions() {
            return inner.transactions();
        }

        @Override
        public LedgerRevision revision() {
            return inner.revision();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

package org.powledger.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powledger.application.exchange.ExchangeService;
import org.powledger.application.statistics.StatisticsService;
import org.powledger.domain.model.Actor;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.statistics.LedgerSnapshot;
import org.powledger.domain.statistics.StatisticsPropertyTest;
import org.powledger.domain.statistics.StatisticsPropertyTest.Action;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;
import org.powledger.persistence.LedgerStores;
import org.powledger.persistence.contract.StatisticsContract;
import org.powledger.persistence.postgresql.TestPostgres;

/**
 * The statistics the server answers, kept in memory between revisions and brought up to date from the
 * history, agree with the naive reference of the counting rules after every few writes made through
 * the same use case the API uses, on every store: random histories of added, back-dated, regrouped
 * and deleted records, read between writes, with budgets that keep the whole ledger, and budgets the
 * ledger outgrows half-way (from then on it is walked in the store).
 */
class KeptStatisticsTest {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final Actor WRITER = Actor.system("kept-statistics-test");

    @TempDir
    Path folder;

    @Test
    void in_memory() {
        replayCases(60, () -> LedgerStores.open(LedgerStores.MEMORY));
    }

    @Test
    void on_sqlite() {
        int[] n = {0};
        replayCases(20, () -> LedgerStores.open(folder.resolve("ledger-" + n[0]++ + ".db").toString()));
    }

    @Test
    void on_postgresql() {
        replayCases(8, () -> LedgerStores.open(TestPostgres.newLedger().url()));
    }

    private static void replayCases(int cases, Supplier<LedgerStore> newStore) {
        for (int seed = 1; seed <= cases; seed++) {
            Case c = StatisticsPropertyTest.randomCase(new Random(seed));
            long budget = seed % 3 == 0 ? 600 : Long.MAX_VALUE;
            try (LedgerStore store = newStore.get()) {
                replay(store, c, new Random(seed), budget);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", budget " + budget + ": " + e.getMessage(), e);
            }
        }
    }

    private static void replay(LedgerStore store, Case c, Random readsAt, long budget) {
        List<ReportRecord> reports = StatisticsContract.storeAllButExchanges(store, c.ledger());
        ExchangeService exchanges = new ExchangeService(store, Clock.fixed(AT, ZoneOffset.UTC));
        StatisticsService statistics = new StatisticsService(store.exchanges(), store.history(), store.units(),
                store.cohorts(), store.reports(), store.revision(), store.transactions(), budget);
        Map<ExchangeId, ExchangeRecord> live = new LinkedHashMap<>();
        List<ExchangeId> deleted = new ArrayList<>();
        for (Action action : c.actions()) {
            store.transactions().write(() -> {
                if (action instanceof Action.Added a) {
                    live.put(a.id(), exchanges.add(a.id(), a.exchange(), WRITER));
                } else if (action instanceof Action.Replaced r) {
                    live.put(r.id(), exchanges.replace(live.get(r.id()), r.exchange(), WRITER));
                } else {
                    exchanges.delete(action.id(), WRITER);
                    live.remove(action.id());
                    deleted.add(action.id());
                }
            });
            if (readsAt.nextInt(3) == 0) {
                check(statistics, live, reports, c, deleted);
            }
        }
        check(statistics, live, reports, c, deleted);
    }

    private static void check(StatisticsService statistics, Map<ExchangeId, ExchangeRecord> live,
                              List<ReportRecord> reports, Case c, List<ExchangeId> deleted) {
        LedgerSnapshot now = new LedgerSnapshot(new ArrayList<>(live.values()), c.ledger().units(),
                c.ledger().cohorts(), reports);
        List<ExchangeId> gone = deleted.stream().filter(id -> !live.containsKey(id)).distinct().toList();
        StatisticsPropertyTest.assertAgrees(statistics.statistics(), now, c.windows(), gone);
    }
}

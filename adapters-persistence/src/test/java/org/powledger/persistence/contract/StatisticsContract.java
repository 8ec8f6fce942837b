package org.powledger.persistence.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.ReportRecord;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.statistics.LedgerSnapshot;
import org.powledger.domain.statistics.LedgerStatistics;
import org.powledger.domain.statistics.StatisticsPropertyTest;
import org.powledger.domain.statistics.StatisticsPropertyTest.Action;
import org.powledger.domain.statistics.StatisticsPropertyTest.Case;

/**
 * The statistics property test, against a store: a random history of writes (records added,
 * replaced with other dates, kinds and operations, so stages are back-dated and operations regrouped,
 * and deleted) is replayed into the store, and between writes every statistic read from the store
 * (which streams the stages in its own statistics order) is checked against the naive reference of
 * API.md over the records live at that moment. Every store subclasses it with a {@code @Property}
 * calling {@link #replayChecking}.
 */
public abstract class StatisticsContract {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    /** A new, empty store in {@code folder} (which the contract deletes afterwards). */
    protected abstract LedgerStore newStore(Path folder);

    @Provide
    Arbitrary<Case> histories() {
        return Arbitraries.randomValue(StatisticsPropertyTest::randomCase);
    }

    protected void replayChecking(Case c) {
        Path folder;
        try {
            folder = Files.createTempDirectory("statistics-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (LedgerStore store = newStore(folder)) {
            replay(store, c, new Random(c.actions().size() * 31L + c.windows().hashCode()));
        } finally {
            delete(folder);
        }
    }

    private static void replay(LedgerStore store, Case c, Random readsAt) {
        List<ReportRecord> reports = storeAllButExchanges(store, c.ledger());
        Map<ExchangeId, ExchangeRecord> live = new LinkedHashMap<>();
        List<ExchangeId> deleted = new ArrayList<>();
        check(store, live, reports, c, deleted);
        for (Action action : c.actions()) {
            store.transactions().write(() -> {
                if (action instanceof Action.Added a) {
                    live.put(a.id(), store.exchanges().add(a.id(), a.exchange(), AT));
                } else if (action instanceof Action.Replaced r) {
                    ExchangeRecord next = live.get(r.id()).replacedBy(r.exchange(), AT);
                    store.exchanges().replace(next);
                    live.put(r.id(), next);
                } else {
                    store.exchanges().remove(action.id());
                    live.remove(action.id());
                    deleted.add(action.id());
                }
            });
            if (readsAt.nextInt(4) == 0) {
                check(store, live, reports, c, deleted);
            }
        }
        check(store, live, reports, c, deleted);
    }

    /** Stores the units, cohorts and reports of {@code planned} in one write; the reports as stored. */
    public static List<ReportRecord> storeAllButExchanges(LedgerStore store, LedgerSnapshot planned) {
        List<ReportRecord> reports = new ArrayList<>();
        store.transactions().write(() -> {
            planned.units().forEach(u -> store.units().save(Versioned.first(u, AT)));
            planned.cohorts().forEach(k -> store.cohorts().save(Versioned.first(k, AT)));
            planned.reports().stream().sorted(Comparator.comparingLong(ReportRecord::sequence))
                    .forEach(r -> reports.add(store.reports().add(r.id(), r.report(), AT)));
        });
        return reports;
    }

    private static void check(LedgerStore store, Map<ExchangeId, ExchangeRecord> live, List<ReportRecord> reports,
                              Case c, List<ExchangeId> deleted) {
        LedgerSnapshot now = new LedgerSnapshot(new ArrayList<>(live.values()), c.ledger().units(),
                c.ledger().cohorts(), reports);
        LedgerStatistics fromStore = new LedgerStatistics(store.exchanges()::forEachStage, store.units().all(),
                store.cohorts().all(), store.reports().all());
        StatisticsPropertyTest.assertAgrees(fromStore, now, c.windows(), List.copyOf(deleted));
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

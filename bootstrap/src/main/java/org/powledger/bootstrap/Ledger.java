package org.powledger.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.powledger.application.access.TokenService;
import org.powledger.application.cohort.CohortService;
import org.powledger.application.exchange.ExchangeService;
import org.powledger.application.health.HealthService;
import org.powledger.application.integrity.IntegrityService;
import org.powledger.application.report.ReportService;
import org.powledger.application.statistics.StatisticsService;
import org.powledger.application.transfer.TransferService;
import org.powledger.application.unit.UnitService;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Transactions;
import org.powledger.persistence.LedgerStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: one store chosen by configuration, and the use cases built on it. Wired by
 * hand: a handful of constructors needs no container.
 */
final class Ledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);


    final LedgerStore store;
    final ExchangeService exchanges;
    final UnitService units;
    final CohortService cohorts;
    final ReportService reports;
    final TokenService tokens;
    final HealthService health;
    final StatisticsService statistics;
    final TransferService transfer;
    final IntegrityService integrity;

    private Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.exchanges = new ExchangeService(store, clock);
        this.units = new UnitService(store, clock);
        this.cohorts = new CohortService(store, clock);
        this.reports = new ReportService(store, clock);
        this.tokens = new TokenService(store, clock);
        this.health = new HealthService(store, Version.current());
        this.statistics = new StatisticsService(store);
        this.transfer = new TransferService(store, exchanges, units, cohorts, reports);
        this.integrity = new IntegrityService(store);
    }

    /** Opens the store that {@code db} names: a SQLite file path, {@code memory:}, or a JDBC URL. */
    static Ledger open(String db) {
        return open(db, null);
    }

    /** {@link #open(String)}, with the store's connection pools reporting to {@code meters} (null: none). */
    static Ledger open(String db, MeterRegistry meters) {
        return open(db, meters, Transactions.WRITE_WAIT);
    }

    /** {@link #open(String, MeterRegistry)}, with writes waiting at most {@code writeWait} for the store. */
    static Ledger open(String db, MeterRegistry meters, Duration writeWait) {
        return new Ledger(LedgerStores.open(db, meters, writeWait), Clock.systemUTC());
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * Reads the ledger's stages into the statistics' memory on a background thread, so that the first
     * statistics read after the server starts costs what the reads after a write cost, not a pass over
     * the store. A failure only means the first read does that pass itself.
     */
    void warmUpStatistics() {
        Thread warmUp = new Thread(() -> {
            try {
                statistics.statistics();
            } catch (RuntimeException e) {
                LOG.debug("statistics not read ahead: {}", e.toString());
            }
        }, "statistics-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}

package org.powledger.persistence.contract;

import static org.powledger.domain.fixtures.LedgerFixtures.AZOVSTAL;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.powledger.domain.fixtures.LedgerFixtures;
import org.powledger.domain.fixtures.LedgerFixtures.ExchangeBuilder;
import org.powledger.domain.model.Exchange;
import org.powledger.domain.model.ExchangeId;
import org.powledger.domain.model.ExchangeRecord;
import org.powledger.domain.model.Versioned;
import org.powledger.domain.port.out.LedgerStore;

/**
 * What every contract shares: a fresh store per test, closed afterwards, holding the seed units and
 * the Azovstal cohort (so that breakdown lines may name them in every store, foreign keys or not).
 * A store passes the contracts by subclassing each of them with its {@link #newStore()}.
 */
public abstract class StoreContract {

    protected static final Instant T0 = Instant.parse("2025-01-02T10:15:30.123456Z");

    protected LedgerStore store;
    private final AtomicInteger ids = new AtomicInteger();

    /** A new, empty store; closed by the contract after each test. */
    protected abstract LedgerStore newStore();

    @BeforeEach
    void openStoreWithSeedUnits() {
        store = newStore();
        store.transactions().write(() -> {
            LedgerFixtures.seedUnits().forEach(u -> store.units().save(Versioned.first(u, T0)));
            store.cohorts().save(Versioned.first(AZOVSTAL, T0));
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected ExchangeId nextId() {
        return ExchangeId.of("ex_test" + ids.incrementAndGet());
    }

    protected ExchangeRecord add(Exchange exchange) {
        return store.exchanges().add(nextId(), exchange, T0);
    }

    protected ExchangeRecord add(ExchangeBuilder exchange) {
        return add(exchange.build());
    }

    protected static ExchangeBuilder on(String date) {
        return LedgerFixtures.exchange().date(date);
    }
}

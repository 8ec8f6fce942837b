package org.powledger.persistence.memory;

import java.time.Duration;
import org.powledger.domain.model.StoreUnavailable;
import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.IdempotencyKeys;
import org.powledger.domain.port.out.Tokens;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;

/**
 * The whole ledger in plain Java collections behind one lock: for tests and for trying the server
 * out ({@code --db memory:}). Gone when the process ends. Thread-safe; a failed write is undone.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private final MemoryLedger ledger;
    private final InMemoryExchanges exchanges;
    private final InMemoryExchangeHistory history;
    private final InMemoryUnits units;
    private final InMemoryCohorts cohorts;
    private final InMemoryReports reports;
    private final InMemoryTokens tokens;
    private final InMemoryIdempotencyKeys idempotencyKeys;
    private final InMemoryTransactions transactions;

    public InMemoryLedgerStore() {
        this(Transactions.WRITE_WAIT);
    }

    /** A store whose writes wait at most {@code writeWait} for another write, then fail with {@link StoreUnavailable}. */
    public InMemoryLedgerStore(Duration writeWait) {
        this.ledger = new MemoryLedger(writeWait);
        this.exchanges = new InMemoryExchanges(ledger);
        this.history = new InMemoryExchangeHistory(ledger);
        this.units = new InMemoryUnits(ledger);
        this.cohorts = new InMemoryCohorts(ledger);
        this.reports = new InMemoryReports(ledger);
        this.tokens = new InMemoryTokens(ledger);
        this.idempotencyKeys = new InMemoryIdempotencyKeys(ledger);
        this.transactions = new InMemoryTransactions(ledger);
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public boolean isUp() {
        return ledger.isOpen();
    }

    @Override
    public Exchanges exchanges() {
        return exchanges;
    }

    @Override
    public ExchangeHistory history() {
        return history;
    }

    @Override
    public Units units() {
        return units;
    }

    @Override
    public Cohorts cohorts() {
        return cohorts;
    }

    @Override
    public Reports reports() {
        return reports;
    }

    @Override
    public Tokens tokens() {
        return tokens;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public LedgerRevision revision() {
        return ledger::revision;
    }

    @Override
    public void close() {
        ledger.close();
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }
}

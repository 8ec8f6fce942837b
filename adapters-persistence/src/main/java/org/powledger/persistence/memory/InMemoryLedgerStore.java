package org.powledger.persistence.memory;

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

    private final MemoryLedger ledger = new MemoryLedger();
    private final InMemoryExchanges exchanges = new InMemoryExchanges(ledger);
    private final InMemoryExchangeHistory history = new InMemoryExchangeHistory(ledger);
    private final InMemoryUnits units = new InMemoryUnits(ledger);
    private final InMemoryCohorts cohorts = new InMemoryCohorts(ledger);
    private final InMemoryReports reports = new InMemoryReports(ledger);
    private final InMemoryTokens tokens = new InMemoryTokens(ledger);
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys(ledger);
    private final InMemoryTransactions transactions = new InMemoryTransactions(ledger);

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

package org.powledger.persistence.sql;

import org.powledger.domain.port.out.Cohorts;
import org.powledger.domain.port.out.ExchangeHistory;
import org.powledger.domain.port.out.Exchanges;
import org.powledger.domain.port.out.IdempotencyKeys;
import org.powledger.domain.port.out.LedgerRevision;
import org.powledger.domain.port.out.LedgerStore;
import org.powledger.domain.port.out.Reports;
import org.powledger.domain.port.out.Tokens;
import org.powledger.domain.port.out.Transactions;
import org.powledger.domain.port.out.Units;

/**
 * The ledger in a SQL database, through JDBI: the repositories, whose SQL serves every SQL store, over
 * one {@link SqlDatabase} that says how that database connects, locks and begins its transactions.
 * Repository calls made outside {@link Transactions#write} run as a write of their own or as a plain read.
 */
public abstract class SqlLedgerStore implements LedgerStore {

    private final SqlDatabase db;
    private final SqlExchanges exchanges;
    private final SqlExchangeHistory history;
    private final SqlUnits units;
    private final SqlCohorts cohorts;
    private final SqlReports reports;
    private final SqlTokens tokens;
    private final SqlIdempotencyKeys idempotencyKeys;
    private final SqlTransactions transactions;
    private final SqlLedgerRevision revision;

    protected SqlLedgerStore(SqlDatabase db) {
        this.db = db;
        this.exchanges = new SqlExchanges(db);
        this.history = new SqlExchangeHistory(db);
        this.units = new SqlUnits(db);
        this.cohorts = new SqlCohorts(db);
        this.reports = new SqlReports(db);
        this.tokens = new SqlTokens(db);
        this.idempotencyKeys = new SqlIdempotencyKeys(db);
        this.transactions = new SqlTransactions(db);
        this.revision = new SqlLedgerRevision(db);
    }

    SqlDatabase sqlDatabase() {
        return db;
    }

    @Override
    public boolean isUp() {
        return db.isUp();
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
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public LedgerRevision revision() {
        return revision;
    }

    @Override
    public void close() {
        db.close();
    }
}

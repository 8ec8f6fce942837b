package org.powledger.domain.port.out;

/**
 * One store of the whole ledger, chosen by configuration (SQLite file, in-memory, and later others).
 * Every store passes the same contract tests.
 */
public interface LedgerStore extends AutoCloseable {

    /** A short name for {@code /health}: "sqlite", "memory". */
    String kind();

    /** Whether the store answers right now. */
    boolean isUp();

    Exchanges exchanges();

    ExchangeHistory history();

    Units units();

    Cohorts cohorts();

    Reports reports();

    Tokens tokens();

    Transactions transactions();

    LedgerRevision revision();

    @Override
    void close();
}

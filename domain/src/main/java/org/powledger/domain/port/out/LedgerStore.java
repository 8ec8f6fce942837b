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

    IdempotencyKeys idempotencyKeys();

    Transactions transactions();

    LedgerRevision revision();

    /** Problems the storage itself finds in its files (integrity, foreign keys); empty when sound. */
    default java.util.List<String> storageProblems() {
        return java.util.List.of();
    }

    /** Writes a consistent copy of the whole store to {@code target}, safe while others write. */
    default void backupTo(java.nio.file.Path target) {
        throw new UnsupportedOperationException("the " + kind() + " store has no file to back up");
    }

    @Override
    void close();
}

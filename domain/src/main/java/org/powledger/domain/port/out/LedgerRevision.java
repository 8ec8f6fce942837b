package org.powledger.domain.port.out;

/**
 * A number that changes with every committed write, kept in the store itself so that every instance
 * sharing it sees the same value: statistics may be cached for exactly as long as it stays put.
 */
public interface LedgerRevision {

    long current();
}

/**
 * The ledger in plain Java collections behind one read-write lock, with an undo log so that a failed
 * write is rolled back like in any other store. See {@link org.powledger.persistence.memory.InMemoryLedgerStore}.
 */
package org.powledger.persistence.memory;

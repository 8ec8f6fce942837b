/**
 * The driven side of the hexagon that keeps the ledger: stores implementing
 * {@link org.powledger.domain.port.out.LedgerStore}, chosen from a {@code --db} value by
 * {@link org.powledger.persistence.LedgerStores}. Adapters are named Technology + port
 * ({@code SqlExchanges}, shared by the SQLite and PostgreSQL stores; {@code InMemoryExchanges}); rows, DAOs and mappers stay package-private.
 * Every store passes the same contract suite ({@code org.powledger.persistence.contract}, in the test-jar).
 */
package org.powledger.persistence;

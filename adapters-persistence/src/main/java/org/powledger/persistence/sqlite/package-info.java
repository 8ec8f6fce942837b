/**
 * The ledger in one SQLite file through JDBI. Schema: Flyway migrations in
 * {@code db/migration/sqlite}. Writes: one writer connection behind an in-process lock,
 * {@code BEGIN IMMEDIATE}, re-entrant, bumping {@code ledger_state.revision} on commit. Reads: a small
 * HikariCP pool of {@code query_only} connections. See {@link org.powledger.persistence.sqlite.SqliteLedgerStore}.
 */
package org.powledger.persistence.sqlite;

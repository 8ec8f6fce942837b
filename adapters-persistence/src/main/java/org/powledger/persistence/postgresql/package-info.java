/**
 * The ledger in PostgreSQL, shared by several instances of the server. Schema: Flyway migrations in
 * {@code db/migration/postgresql}, the SQLite schema column for column. Writes: one at a time across
 * every instance, by a transaction-scoped advisory lock; reads: a HikariCP pool, snapshots as
 * {@code REPEATABLE READ} transactions. See {@link org.powledger.persistence.postgresql.PostgresDatabase}.
 */
package org.powledger.persistence.postgresql;

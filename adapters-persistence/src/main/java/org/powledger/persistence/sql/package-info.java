/**
 * What the SQL stores share: the repositories, rows, DAOs and mappers over one schema that SQLite and
 * PostgreSQL both hold (each in its own Flyway migrations), written once in SQL both dialects read alike.
 * What differs per database (connecting, locking, beginning a transaction, backup, integrity checks)
 * is each store's {@link org.powledger.persistence.sql.SqlDatabase}.
 */
package org.powledger.persistence.sql;

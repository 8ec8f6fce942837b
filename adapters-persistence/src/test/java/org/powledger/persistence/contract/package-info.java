/**
 * One abstract contract per driven port ({@code ExchangesContract}, {@code UnitsContract}, ...), each
 * run against every store by a subclass that only says how to open a fresh store
 * ({@code SqliteExchangesTest}, {@code InMemoryExchangesTest}). Shipped in this module's test-jar so
 * that a new store (PostgreSQL) passes the same suite.
 */
package org.powledger.persistence.contract;

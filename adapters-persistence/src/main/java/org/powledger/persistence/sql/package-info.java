/**
 * SQL that every relational store of the ledger shares, written once in standard SQL so that SQLite
 * and PostgreSQL run the same text; where a dialect differs, the class says so.
 */
package org.powledger.persistence.sql;

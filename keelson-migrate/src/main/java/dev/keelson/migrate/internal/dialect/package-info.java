/**
 * Per-database differences behind one small SPI, {@link dev.keelson.migrate.internal.dialect.Dialect}, chosen
 * from the JDBC URL: history-table DDL, whether DDL is transactional, the statement-splitting rules, and the
 * migration lock (PostgreSQL advisory locks per migration, MySQL/MariaDB {@code GET_LOCK} and a lock row with owner
 * and heartbeat for the whole run). Every lock is a polling try-lock: nothing ever blocks inside the database, and
 * a waiting migrator never sits in an open transaction.
 */
package dev.keelson.migrate.internal.dialect;

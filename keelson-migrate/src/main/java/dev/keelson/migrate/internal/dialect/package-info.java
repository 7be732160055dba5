/**
 * Per-database differences behind one small SPI, {@link dev.keelson.migrate.internal.dialect.Dialect}, chosen
 * from the JDBC URL: history-table DDL, whether DDL is transactional, the statement-splitting rules, and the
 * migration lock (PostgreSQL advisory lock, MySQL/MariaDB {@code GET_LOCK}, a lock row with owner and heartbeat
 * elsewhere). Every lock is a polling try-lock on its own connection: nothing ever blocks inside the database.
 */
package dev.keelson.migrate.internal.dialect;

/**
 * Splitting SQL scripts into statements the way each database's own client does:
 * {@link dev.keelson.migrate.internal.sql.StatementSplitter} with a database's
 * {@link dev.keelson.migrate.internal.sql.SplitRules} (its {@code Dialect.splitRules()}), giving
 * {@link dev.keelson.migrate.internal.sql.SqlStatement}s with their start lines, or a
 * {@link dev.keelson.migrate.internal.sql.SqlParseException} naming what was left open. Only what every client shares
 * is here: a single pass over the characters ({@link dev.keelson.migrate.internal.sql.ScriptScanner}) whose
 * primitives skip quoted text and comments as units; what one client adds (psql's dollar quotes and {@code COPY}
 * data, mysql's {@code DELIMITER}, sqlite3's triggers, ...) is its {@link dev.keelson.migrate.internal.sql.ScriptRules}
 * in the database's package.
 */
package dev.keelson.migrate.internal.sql;

/**
 * Splitting SQL scripts into statements the way each database's own client does (psql, mysql, sqlite3, H2's
 * script runner): {@link dev.keelson.migrate.internal.sql.StatementSplitter} with one of the
 * {@link dev.keelson.migrate.internal.sql.SplitRules}, giving
 * {@link dev.keelson.migrate.internal.sql.SqlStatement}s with their start lines, or a
 * {@link dev.keelson.migrate.internal.sql.SqlParseException} naming what was left open. A single pass over the
 * characters; quoted text and comments are skipped as units, keyword rules (bodies, triggers, {@code COPY} data)
 * live in one {@code BlockTracker} per dialect.
 */
package dev.keelson.migrate.internal.sql;

/**
 * The operations behind {@link dev.keelson.migrate.Migrator}: one connection per call (plus one for a run lock, or
 * for PostgreSQL's lock while a file runs outside a transaction), the history read once under the lock and kept
 * true while the operation runs, every script prepared (placeholders, splitting) before the first one runs, and
 * one transaction per script where the database can roll DDL back. {@link
 * dev.keelson.migrate.internal.engine.MigrationEngine} is the seam: SQL databases share {@code JdbcEngine}; a database
 * reached otherwise brings its own engine.
 */
package dev.keelson.migrate.internal.engine;

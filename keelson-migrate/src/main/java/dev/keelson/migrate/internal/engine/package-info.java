/**
 * The operations behind {@link dev.keelson.migrate.Migrator}: one connection per call (plus one for the lock),
 * the history read once, every script prepared (placeholders, splitting) before the first one runs, and one
 * transaction per script where the database can roll DDL back.
 */
package dev.keelson.migrate.internal.engine;

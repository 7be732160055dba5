/**
 * The history table: an append-only log of what ran ({@link dev.keelson.migrate.internal.history.HistoryRow}),
 * read once per operation, and the state it implies ({@link dev.keelson.migrate.internal.history.History}):
 * the last row of a version (or repeatable description) decides, so an undo or a repair-deletion is a new row
 * and the audit trail stays. Only failed rows are ever deleted ({@code repair}).
 */
package dev.keelson.migrate.internal.history;

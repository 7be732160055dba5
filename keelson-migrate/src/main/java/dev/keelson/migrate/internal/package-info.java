/**
 * The migration engine's internals. Nothing here is API: it may change without notice. Sub-packages by concern:
 * {@code resolve} (finding and reading migration files), {@code dialect} (per-database differences),
 * {@code history} (the history table), {@code engine} (the operations), {@code sql} (the statement splitter).
 */
package dev.keelson.migrate.internal;

/**
 * Keelson's migration engine: the public API.
 *
 * <p>One entry point, {@link dev.keelson.migrate.Migrator#configure()}: configure once, {@code build()}, then
 * call {@code migrate}, {@code rollback}, {@code status}, {@code validate}, {@code repair} or {@code baseline}.
 * Everything under {@code dev.keelson.migrate.internal} may change without notice.
 */
package dev.keelson.migrate;

/**
 * What every feature stands on, one subpackage per concern: {@code errors} (problem documents), {@code http} (filters,
 * envelope, ETags, security headers), {@code database} (embedded PostgreSQL, migration at start-up, timeouts, ids,
 * row reading), {@code paging} (keyset cursors and pages), {@code idempotency}, {@code ratelimit}, {@code cache},
 * {@code redis}, {@code scheduling}, {@code settings} and {@code observability}. {@link
 * dev.keelson.reference.platform.Breaker} stays here: the database and Redis both use it.
 */
package dev.keelson.reference.platform;

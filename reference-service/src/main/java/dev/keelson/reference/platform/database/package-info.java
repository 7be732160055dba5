/**
 * The database: embedded PostgreSQL unless a URL is set (started early, its leftovers stopped), the migration at
 * start-up on its own connections, the statement timeout of request connections, UUIDv7 ids, {@link
 * dev.keelson.reference.platform.database.Rows} for reading columns in row mappers, and how the service behaves while
 * PostgreSQL is away: requests fail fast with 503 instead of each waiting for the pool's connection timeout,
 * readiness says {@code db: DOWN}, and everything resumes by itself once it answers.
 */
package dev.keelson.reference.platform.database;

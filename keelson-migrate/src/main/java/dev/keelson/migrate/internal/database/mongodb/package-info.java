/**
 * MongoDB: migration files that are JSON arrays of database commands ({@code V<n>__desc.json},
 * {@code U<n>__desc.json}), run in order with the official synchronous driver. Everything MongoDB-specific lives
 * here: the file reader and its checksum of the normalised JSON, the history collection, the lock document, the
 * command runner (one transaction per file where the server has them, else progress recorded per command), the
 * lint. {@link MongoEngine} is the one type the rest of the library calls.
 */
package dev.keelson.migrate.internal.database.mongodb;

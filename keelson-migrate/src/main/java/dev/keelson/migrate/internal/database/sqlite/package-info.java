/** SQLite: transactional DDL and a lock row with owner and heartbeat. */
package dev.keelson.migrate.internal.database.sqlite;

/** H2: DDL that commits the open transaction, a lock row with owner and heartbeat, retried opens of a shared file. */
package dev.keelson.migrate.internal.database.h2;

/**
 * The databases Keelson migrates, one package each ({@code postgresql}, {@code mysql}, {@code sqlite}, {@code h2}),
 * behind one interface: {@link dev.keelson.migrate.internal.database.Database}, and for SQL over JDBC
 * {@link dev.keelson.migrate.internal.database.Dialect} (URL prefixes, session set-up, history-table DDL,
 * transactional DDL, statement splitting rules, the migration lock, the catalog and DDL writer of the diff, which
 * lint rules apply). {@link dev.keelson.migrate.internal.database.Databases} lists them and is the one place a URL is
 * matched to a database. Here too: the lock parts several databases share ({@code LockRow}, {@code OwnConnection},
 * {@code LockWaiter}). Every lock is a polling try-lock: nothing ever blocks inside the database, and a waiting
 * migrator never sits in an open transaction.
 */
package dev.keelson.migrate.internal.database;

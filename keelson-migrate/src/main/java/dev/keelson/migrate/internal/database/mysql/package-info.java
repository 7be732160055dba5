/**
 * MySQL and MariaDB: DDL that commits implicitly, {@code GET_LOCK} as the run lock, the session's
 * {@code sql_mode} made the {@code mysql} client's, the catalog reader ({@code information_schema}) and DDL writer of
 * the schema diff, and its lint rule ({@code mysql-table-copy}).
 */
package dev.keelson.migrate.internal.database.mysql;

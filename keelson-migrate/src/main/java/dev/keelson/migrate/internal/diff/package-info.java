/**
 * Behind {@link dev.keelson.migrate.diff.SchemaDiff}: catalog readers for PostgreSQL ({@code pg_catalog}) and
 * MySQL/MariaDB ({@code information_schema}), the comparer, the scratch database, and the SQL writers that take
 * one schema to another with names quoted for each dialect.
 */
package dev.keelson.migrate.internal.diff;

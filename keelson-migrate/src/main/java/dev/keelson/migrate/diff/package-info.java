/**
 * Comparing database schemas: {@link dev.keelson.migrate.diff.SchemaDiff} reads a PostgreSQL or MySQL/MariaDB
 * schema from the catalogs into a {@link dev.keelson.migrate.diff.DbSchema}, builds the schema a migrations folder
 * produces on a scratch database, compares two schemas into {@link dev.keelson.migrate.diff.Difference}s, and
 * writes the SQL that takes one schema to the other.
 */
package dev.keelson.migrate.diff;

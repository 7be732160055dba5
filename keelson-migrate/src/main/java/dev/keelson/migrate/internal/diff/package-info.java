/**
 * Behind {@link dev.keelson.migrate.diff.SchemaDiff}: the comparer, the scratch database, the change script that
 * orders the statements, and the two interfaces each database fills in its own package:
 * {@link dev.keelson.migrate.internal.diff.Catalog} (read a schema) and
 * {@link dev.keelson.migrate.internal.diff.DdlWriter} (write one database's DDL, names quoted by its rules).
 */
package dev.keelson.migrate.internal.diff;

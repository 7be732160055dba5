/**
 * PostgreSQL: transactional DDL, advisory locks taken per migration (and the signs of a transaction-pooling
 * PgBouncer in front), {@code COPY ... FROM STDIN} through the driver, the catalog reader ({@code pg_catalog}) and
 * DDL writer of the schema diff, and its lint rules ({@code pg-*}).
 */
package dev.keelson.migrate.internal.database.postgresql;

/**
 * {@code keelson db}: the command line over {@link dev.keelson.migrate.Migrator}. Options are resolved once into
 * {@link dev.keelson.cli.db.DbSettings} (flag, then environment, then {@code keelson.properties}, then defaults);
 * each subcommand calls one engine method and prints its result as text or as one JSON document.
 */
package dev.keelson.cli.db;

/**
 * The {@code keelson db} commands as Maven goals ({@code mvn keelson:migrate}, ...): one mojo per command over the
 * {@link dev.keelson.migrate.Migrator} facade, with the settings of {@link dev.keelson.maven.DatabaseMojo}.
 */
package dev.keelson.maven;

package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.Difference;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn keelson:diff}: compares the live database with the schema its migrations make (applied to a scratch
 * database on the same server, then dropped) and fails the build on drift, printing the statements that would bring
 * the database back (as {@code keelson db diff}). PostgreSQL and MySQL/MariaDB.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends DatabaseMojo {
    @Override
    void run(Migrator migrator) throws MojoFailureException {
        var config = migrator.config();
        DbSchema live = SchemaDiff.read(config.url(), config.user(), config.password(), config.historyTable());
        SchemaComparison comparison = SchemaDiff.compare(live, SchemaDiff.ofMigrations(config));
        if (comparison.equal()) {
            getLog().info("No drift: the database matches its migrations");
            return;
        }
        for (Difference d : comparison.differences()) {
            getLog().warn("drift: " + d.kind() + " " + (d.table() == null ? "" : d.table() + ".") + d.name()
                    + (d.from() == null
                            ? " only in the migrations"
                            : d.to() == null ? " only in the database" : " differs: " + d.changed()));
        }
        for (String statement : SchemaDiff.script(comparison)) {
            getLog().warn("  " + statement + ";");
        }
        throw new MojoFailureException("The database differs from its migrations in "
                + comparison.differences().size() + " place(s) (listed above, with the statements that make it match)");
    }
}

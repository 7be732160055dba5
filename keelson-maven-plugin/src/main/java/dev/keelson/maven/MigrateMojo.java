package dev.keelson.maven;

import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.Version;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn keelson:migrate}: lints, then applies the pending migrations (as {@code keelson db migrate}). */
@Mojo(name = "migrate", requiresProject = false, threadSafe = true)
public class MigrateMojo extends DatabaseMojo {
    /** The newest version to apply (default: all). */
    @Parameter(property = "keelson.target")
    String target;

    /** Show what would run, change nothing. */
    @Parameter(property = "keelson.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run(Migrator migrator) {
        MigrateOptions options = MigrateOptions.latest().withDryRun(dryRun);
        if (target != null && !target.isBlank()) {
            options = options.withTarget(Version.parse(target));
        }
        MigrateResult result = migrator.migrate(options);
        for (ExecutedMigration m : result.migrations()) {
            getLog().info((dryRun ? "would apply " : "applied ")
                    + m.script()
                    + (dryRun ? "" : " (" + m.duration().toMillis() + " ms)"));
        }
        getLog().info("Schema at version "
                + result.schemaVersion().map(Object::toString).orElse("none") + " ("
                + result.migrations().size() + " migration(s) " + (dryRun ? "pending" : "applied") + ")");
    }
}

package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.Version;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn keelson:rollback}: runs the undo files of the newest applied versions (as {@code keelson db rollback}). */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends DatabaseMojo {
    /** How many versions to undo (default 1). */
    @Parameter(property = "keelson.steps", defaultValue = "1")
    int steps;

    /** Undo every version newer than this one instead. */
    @Parameter(property = "keelson.to")
    String to;

    @Parameter(property = "keelson.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run(Migrator migrator) {
        RollbackOptions options =
                to == null || to.isBlank() ? RollbackOptions.steps(steps) : RollbackOptions.to(Version.parse(to));
        RollbackResult result = migrator.rollback(options.withDryRun(dryRun));
        result.undone().forEach(m -> getLog().info((dryRun ? "would undo " : "undid ") + m.script()));
        getLog().info("Schema at version "
                + result.schemaVersion().map(Object::toString).orElse("none"));
    }
}

package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RepairResult;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn keelson:repair}: removes failed entries and realigns checksums with the files as they are now. */
@Mojo(name = "repair", requiresProject = false, threadSafe = true)
public class RepairMojo extends DatabaseMojo {
    @Override
    void run(Migrator migrator) {
        RepairResult result = migrator.repair();
        getLog().info("Repaired: failed entries removed " + result.removedFailures() + ", checksums realigned "
                + result.realignedChecksums() + ", missing files' entries removed " + result.removedMissing());
    }
}

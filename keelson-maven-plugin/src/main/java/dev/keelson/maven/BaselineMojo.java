package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.Version;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn keelson:baseline}: marks every version up to {@code baselineVersion} as applied, on a database that
 * has no applied migrations (one made before its migrations were kept).
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends DatabaseMojo {
    @Parameter(property = "keelson.baselineVersion", defaultValue = "1")
    String baselineVersion;

    @Parameter(property = "keelson.baselineDescription", defaultValue = "baseline")
    String baselineDescription;

    @Override
    void run(Migrator migrator) {
        migrator.baseline(Version.parse(baselineVersion), baselineDescription);
        getLog().info("Baselined at version " + baselineVersion);
    }
}

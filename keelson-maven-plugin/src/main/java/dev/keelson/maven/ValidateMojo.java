package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.ValidationResult;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn keelson:validate}: fails the build when an applied file changed or is missing, or one failed. */
@Mojo(name = "validate", requiresProject = false, threadSafe = true)
public class ValidateMojo extends DatabaseMojo {
    @Override
    void run(Migrator migrator) throws MojoFailureException {
        ValidationResult result = migrator.validate();
        if (!result.valid()) {
            throw new MojoFailureException(
                    "Validation found " + result.problems().size() + " problem(s):\n"
                            + result.problems().stream()
                                    .map(p -> "  " + p.script() + " (" + p.state() + "): " + p.message())
                                    .collect(Collectors.joining("\n")));
        }
        getLog().info("Valid: every applied migration matches its file");
    }
}

package dev.keelson.maven;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import dev.keelson.migrate.lint.Severity;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn keelson:lint}: lints every file of the {@code filesystem:} locations, without a database (as
 * {@code keelson db lint}); error findings fail the build. The dialect comes from the URL when one is set.
 */
@Mojo(name = "lint", requiresProject = false, threadSafe = true)
public class LintMojo extends DatabaseMojo {
    /** postgresql or mysql, when no URL names the database. */
    @Parameter(property = "keelson.dialect", defaultValue = "postgresql")
    String dialect;

    @Override
    void run(Migrator unused) throws MojoFailureException {
        LintDialect chosen = java.util.Optional.ofNullable(jdbcUrl())
                .flatMap(LintDialect::fromUrl)
                .orElse(LintDialect.valueOf(dialect.toUpperCase(Locale.ROOT)));
        Linter linter = Linter.of(new LintConfig(chosen, null, severityLevels()));
        long errors = 0;
        for (Path folder : folders()) {
            LintReport report = linter.lintFolder(folder, null);
            for (Finding f : report.findings()) {
                String line = f.file() + ":" + f.line() + " [" + f.rule() + "] " + f.message()
                        + (f.fix() == null ? "" : " Fix: " + f.fix());
                if (f.severity() == Severity.ERROR) {
                    getLog().error(line);
                } else {
                    getLog().warn(line);
                }
            }
            errors += report.errors();
        }
        if (errors > 0) {
            throw new MojoFailureException("The lint found " + errors + " error(s) (listed above)");
        }
        getLog().info("Lint: no errors");
    }

    /** Lint needs no database: a missing URL is no failure here. */
    @Override
    Migrator migrator() {
        return null;
    }
}

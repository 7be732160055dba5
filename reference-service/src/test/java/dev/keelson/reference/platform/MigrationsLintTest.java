package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The service's own migrations pass {@code keelson db lint}, which {@code keelson db migrate} runs before it applies
 * anything (so {@code keelson demo} and every deployment through the CLI would stop on a finding): an index on a table
 * that earlier versions created is built {@code CONCURRENTLY}, and so on.
 */
class MigrationsLintTest {
    @Test
    void everyMigrationPassesTheLint() throws URISyntaxException {
        Path folder =
                Path.of(MigrationsLintTest.class.getResource("/db/migration").toURI());

        LintReport report = Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lintFolder(folder, null);

        assertThat(report.checkedFiles()).isNotEmpty();
        assertThat(report.findings()).as("lint findings in %s", folder).isEmpty();
    }
}

package dev.keelson.migrate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.lint.LintRun;
import dev.keelson.migrate.internal.lint.Rules;
import dev.keelson.migrate.internal.sql.SqlParseException;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint over a folder of fuzzed files (names V/U/R or none, contents anything), in both dialects and both run
 * modes: a report, or SQL_PARSE_ERROR naming a file and line; never an exception of the lint's own making.
 */
class LintFuzzTest {
    private static final String[] NAMES = {
        "V1__a.sql", "U1__a.sql", "V2__b.sql", "U2__b.sql", "R__c.sql", "V1.1__d.sql", "x.sql", "V3__e.sql"
    };

    @FuzzTest(maxDuration = "20s")
    void reportsOrNamesTheFileAndLine(FuzzedDataProvider data) {
        LintConfig config = new LintConfig(
                data.consumeBoolean() ? LintDialect.POSTGRESQL : LintDialect.MYSQL,
                data.consumeBoolean()
                        ? null
                        : data.pickValue(new String[] {"8.0.36", "5.7.44", "10.11.6-MariaDB", "10.3.1-MariaDB"}),
                java.util.Map.of());
        boolean together = data.consumeBoolean();
        int count = data.consumeInt(1, NAMES.length);
        List<LintFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String content = i == count - 1 ? data.consumeRemainingAsString() : data.consumeString(400);
            files.add(new LintFile("db/" + NAMES[i], content, data.consumeBoolean() || i == count - 1));
        }
        try {
            new LintRun(config, Rules.all(), together).run(files);
        } catch (MigrationException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(MigrationErrorCode.SQL_PARSE_ERROR);
            assertThat(e.getMessage()).matches("(?s)db/[^:]+(: .*\\(line \\d+\\).*| line \\d+: .*)");
            assertThat(e.getCause() == null || e.getCause() instanceof SqlParseException)
                    .as("cause")
                    .isTrue();
        }
    }
}

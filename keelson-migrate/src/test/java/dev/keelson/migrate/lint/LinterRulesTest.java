package dev.keelson.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against checked-in migration folders: {@code lint/<rule>/trigger} must raise the rule,
 * {@code lint/<rule>/pass} (the safe way to do the same thing) must not.
 */
class LinterRulesTest {

    /** Every rule that needs no database; undo-does-not-restore is proven in {@code UndoCheckIT}. */
    static List<String> ruleIds() {
        return Linter.rules().stream()
                .map(RuleInfo::id)
                .filter(id -> !id.equals("undo-does-not-restore"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void theTriggerFolderRaisesTheRule(String rule) {
        LintReport report = lint(rule, "trigger");
        assertThat(report.findings()).extracting(Finding::rule).contains(rule);
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void theSafeFolderDoesNotRaiseTheRule(String rule) {
        LintReport report = lint(rule, "pass");
        assertThat(report.findings()).extracting(Finding::rule).doesNotContain(rule);
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void everyFindingNamesFileLineWhyAndFix(String rule) {
        for (Finding f : lint(rule, "trigger").findings()) {
            assertThat(f.file()).endsWith(rule.startsWith("mongo-") ? ".json" : ".sql");
            assertThat(f.line()).isPositive();
            assertThat(f.why()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        }
    }

    static LintReport lint(String rule, String kind) {
        LintDialect dialect = rule.startsWith("mysql-")
                ? LintDialect.MYSQL
                : rule.startsWith("mongo-") ? LintDialect.MONGODB : LintDialect.POSTGRESQL;
        // the blocking index build is MongoDB's before 4.2; the lint assumes a newer server unless told
        String version = rule.equals("mongo-index-blocking") ? "4.0.28" : null;
        return Linter.of(new LintConfig(dialect, version, Map.of())).lintFolder(folder(rule + "/" + kind), null);
    }

    static Path folder(String name) {
        try {
            return Path.of(Objects.requireNonNull(LinterRulesTest.class.getResource("/lint/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LintReport lint(String folder, LintConfig config) {
        return Linter.of(config).lintFolder(folder(folder), null);
    }

    static LintConfig mysql(String version) {
        return new LintConfig(LintDialect.MYSQL, version, Map.of());
    }
}

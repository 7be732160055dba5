package dev.keelson.migrate.lint;

import java.util.List;

/**
 * The findings of one lint run, in file then line order.
 *
 * @param checkedFiles the files checked
 * @param findings     what remains after suppressions
 * @param suppressed   how many findings {@code -- keelson:lint-ignore} comments silenced
 */
public record LintReport(List<String> checkedFiles, List<Finding> findings, int suppressed) {
    /** No file checked, nothing found. */
    public static final LintReport EMPTY = new LintReport(List.of(), List.of(), 0);

    public LintReport {
        checkedFiles = List.copyOf(checkedFiles);
        findings = List.copyOf(findings);
    }

    /** How many findings are errors. */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** How many findings are warnings. */
    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}

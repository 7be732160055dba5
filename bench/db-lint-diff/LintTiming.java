import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import java.nio.file.Path;

/**
 * Times one cold lint of a folder inside a started JVM (the "after JVM start" figure of issue 7): the first call,
 * so class loading and interpretation are included, JVM start is not.
 * Run: java -cp keelson-cli/target/keelson.jar bench/db-lint-diff/LintTiming.java DIR
 */
public class LintTiming {
    public static void main(String[] args) {
        long start = System.nanoTime();
        LintReport report = Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lintFolder(Path.of(args[0]), null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("lint of " + report.checkedFiles().size() + " files: " + ms + " ms (" + report.findings().size()
                + " findings), first call after JVM start");
    }
}

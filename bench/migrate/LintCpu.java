import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.Linter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU per file of the lint that `keelson db migrate` runs before applying (Linter.lintRun, every file checked), in
 * one JVM: for A/B runs of a lint change, alternate JVMs on the two builds' classes. Run as a source file:
 *
 * <pre>java -XX:TieredStopAtLevel=1 -cp keelson-migrate/target/classes bench/migrate/LintCpu.java DIR REPS LABEL</pre>
 *
 * (DIR: a folder of migrations, e.g. made by generate_migrations in common.sh; C1 only, as the launcher runs.)
 */
public class LintCpu {
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int reps = Integer.parseInt(a[1]);
        var bean = ManagementFactory.getThreadMXBean();
        Set<String> all;
        try (var s = Files.list(dir)) {
            all = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<LintFile> files = Linter.read(dir, dir, all);
        Linter linter = Linter.of(new LintConfig(LintDialect.POSTGRESQL, null, Map.of()));
        int findings = 0;
        long t0 = bean.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) {
            findings += linter.lintRun(files).findings().size();
        }
        long cpu = bean.getCurrentThreadCpuTime() - t0;
        double perFile = cpu / 1000.0 / files.size() / reps;
        System.out.printf(
                "%s %.1f us CPU per file (%d files x %d, %d findings)%n", a[2], perFile, files.size(), reps, findings);
    }
}

package dev.keelson.migrate.boot;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import dev.keelson.migrate.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The lint that runs before the start-up migration, as {@code keelson db migrate} runs it: the pending files and the
 * undo files of pending versions are checked; the applied ones are read too, so later files know the tables.
 * An error finding stops the migration ({@link ErrorCode#LINT_FAILED}) before anything is applied.
 */
final class PendingLint {
    private final ResourcePatternResolver resources;

    PendingLint(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    /** Lints what {@code migrator} would apply; throws when an error finding stands. */
    void check(Migrator migrator) {
        Set<String> pending = pendingNames(migrator);
        if (pending.isEmpty()) {
            return;
        }
        Optional<MigrationDatabase.LintTarget> target = new MigrationDatabase(migrator.config()).lintTarget();
        if (target.isEmpty()) {
            return; // a database the linter has no rules for (SQLite, H2)
        }
        LintConfig config = new LintConfig(target.get().dialect(), target.get().serverVersion(), Map.of());
        LintReport report = Linter.of(config).lint(files(migrator.config().locations(), pending));
        if (report.errors() > 0) {
            throw new MigrationException(ErrorCode.LINT_FAILED, describe(report));
        }
    }

    private static Set<String> pendingNames(Migrator migrator) {
        Set<String> names = new HashSet<>();
        for (MigrationInfo m : migrator.status().inState(MigrationState.PENDING)) {
            names.add(m.script());
            if (m.version() != null && m.script().startsWith("V")) {
                names.add("U" + m.script().substring(1));
            }
        }
        return names;
    }

    private List<LintFile> files(List<String> locations, Set<String> pending) {
        List<LintFile> files = new ArrayList<>();
        for (String location : locations) {
            for (Resource resource : sqlFiles(location)) {
                String name = resource.getFilename();
                files.add(new LintFile(location + "/" + name, read(resource), pending.contains(name)));
            }
        }
        files.sort(Comparator.comparing(LintFile::fileName));
        return files;
    }

    private Resource[] sqlFiles(String location) {
        String pattern = location.startsWith("filesystem:")
                ? "file:" + location.substring("filesystem:".length()) + "/**/*.sql"
                : "classpath*:" + location.substring(location.indexOf(':') + 1) + "/**/*.sql";
        try {
            return resources.getResources(pattern);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.LOCATION_NOT_FOUND, "Cannot list " + location + ": " + e, e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.LOCATION_NOT_FOUND, "Cannot read " + resource + ": " + e, e);
        }
    }

    private static String describe(LintReport report) {
        String findings = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(PendingLint::line)
                .collect(Collectors.joining("\n"));
        return "The lint found " + report.errors() + " error(s) in pending migrations; nothing was applied:\n"
                + findings + "\nFix the files, or mark a deliberate statement with a `-- keelson:lint-ignore RULE reason`"
                + " comment; keelson.migrate.lint=false turns the lint off.";
    }

    private static String line(Finding f) {
        return "  " + f.file() + ":" + f.line() + " [" + f.rule() + "] " + f.message()
                + (f.fix() == null ? "" : " Fix: " + f.fix());
    }
}

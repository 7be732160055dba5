package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keelson db lint}: checks migration files for dangerous statements without touching the database.
 * Which files: the ones named; else, with a database URL, the pending ones and their undo files; else every file
 * of the folder. All files of the folder are read for context (which tables exist, which checks were validated).
 */
@Command(
        name = "lint",
        description = {
            "Checks migration files for statements that lock busy tables, break a rolling deploy, cannot be undone"
                    + " or change every row.",
            "Each finding names file, line, rule, why it is dangerous and the safe alternative.",
            "Silence one with a comment line before the statement: -- keelson:lint-ignore RULE reason"
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {
            "0:no errors (warnings may be shown)",
            "1:at least one error-level finding",
            DbCommand.EXIT_USAGE,
            DbCommand.EXIT_INTERRUPTED
        })
final class LintCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Parameters(
            arity = "0..*",
            paramLabel = "FILE",
            description = "Migration files to check (default: pending ones "
                    + "when a database URL is set, else every file of the folder).")
    List<String> files = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR", description = "Migrations folder (or db.dir; default: db/migration).")
    String dir;

    @Option(
            names = "--url",
            paramLabel = "JDBC_URL",
            description = "Database whose pending migrations to check, and "
                    + "whose server version the MySQL/MariaDB rules use (or KEELSON_DB_URL, or db.url). Only read.")
    String url;

    @Option(names = "--user", description = "Database user (or KEELSON_DB_USER, or db.user).")
    String user;

    @Option(names = "--password", description = "Database password (or KEELSON_DB_PASSWORD, or db.password).")
    String password;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file instead of ./keelson.properties.")
    String config;

    @Option(
            names = "--dialect",
            paramLabel = "postgresql|mysql|mongodb",
            description = "What the files are written for (default: from the URL, else postgresql).")
    LintDialect dialect;

    @Option(
            names = "--server-version",
            paramLabel = "VERSION",
            description = "MySQL/MariaDB version for the online DDL rules, e.g. 8.0.36 or 10.11.6-MariaDB "
                    + "(default: read from the database when a URL is set, else 10.11-MariaDB).")
    String serverVersion;

    @Option(
            names = "--severity",
            paramLabel = "RULE=LEVEL",
            description = "error, warning or off for a rule; repeatable (or lint.severity.RULE in keelson.properties).")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(
            names = "--no-undo-check",
            description = "With a database URL, do not prove that undo files restore the schema (that check builds a "
                    + "scratch database on the same server and drops it afterwards).")
    boolean noUndoCheck;

    @Option(
            names = "--format",
            paramLabel = "text|json|sarif",
            defaultValue = "text",
            description = "text for people, json for scripts, sarif for code-review tools.")
    LintFormat format;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.root.environment();
        Path folder = DbSettings.directory(dir, config, environment);
        DbSettings settings = hasUrl(environment) ? DbSettings.resolve(dbOptions(), environment) : null;
        LintDialect chosen = dialect != null
                ? dialect
                : settings == null
                        ? LintDialect.POSTGRESQL
                        : LintDialect.fromUrl(settings.url()).orElse(LintDialect.POSTGRESQL);
        String version = serverVersion != null || settings == null || chosen != LintDialect.MYSQL
                ? serverVersion
                : MigrateLint.serverVersion(settings);
        Linter linter =
                Linter.of(new LintConfig(chosen, version, MigrateLint.severities(environment, config, severities)));
        List<LintFile> lintFiles = lintFiles(folder, settings, environment, chosen);
        boolean undoCheck = settings != null && !noUndoCheck;
        // the pending files of a database are applied together by migrate: lint them as one run
        boolean oneRun = settings != null && files.isEmpty();
        LintReport report;
        if (undoCheck) {
            var scratch = settings.migrator(MigrationListener.NONE, true).config();
            report = oneRun ? linter.lintRun(lintFiles, scratch) : linter.lint(lintFiles, scratch);
        } else {
            report = oneRun ? linter.lintRun(lintFiles) : linter.lint(lintFiles);
        }
        environment
                .out()
                .println(
                        switch (format) {
                            case TEXT -> LintDocuments.text(report, environment.colours());
                            case JSON -> LintDocuments.json(report);
                            case SARIF -> LintDocuments.sarif(report);
                        });
        return report.errors() > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private List<LintFile> lintFiles(Path folder, DbSettings settings, CliEnvironment environment, LintDialect chosen) {
        Set<String> checked = checkedNames(settings);
        List<LintFile> all = new ArrayList<>(
                Files.isDirectory(folder) || files.isEmpty()
                        ? Linter.read(folder, environment.workingDir(), checked, chosen)
                        : List.of());
        Set<String> inFolder = new HashSet<>();
        all.forEach(f -> inFolder.add(f.fileName()));
        for (String given : files) {
            Path path = environment.resolve(given);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("No file " + given + " (looked in " + path + ")");
            }
            if (!inFolder.contains(path.getFileName().toString())) {
                all.add(new LintFile(given, read(path), true));
            }
        }
        return all;
    }

    private Set<String> checkedNames(DbSettings settings) {
        if (!files.isEmpty()) {
            Set<String> names = new HashSet<>();
            files.forEach(f -> names.add(Path.of(f).getFileName().toString()));
            return names;
        }
        if (settings == null) {
            return null;
        }
        return MigrateLint.pendingNames(settings.migrator(MigrationListener.NONE, true));
    }

    private boolean hasUrl(CliEnvironment environment) {
        if (url != null || environment.env().get("KEELSON_DB_URL") != null) {
            return true;
        }
        try {
            return DbSettings.resolve(dbOptions(), environment) != null;
        } catch (UsageException e) {
            return false;
        }
    }

    private DbOptions dbOptions() {
        DbOptions options = new DbOptions();
        options.url = url;
        options.user = user;
        options.password = password;
        options.dir = dir;
        options.config = config;
        return options;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}

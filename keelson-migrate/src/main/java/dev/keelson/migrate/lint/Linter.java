package dev.keelson.migrate.lint;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.mongodb.MongoLint;
import dev.keelson.migrate.internal.database.mongodb.MongoRules;
import dev.keelson.migrate.internal.lint.LintRun;
import dev.keelson.migrate.internal.lint.Rule;
import dev.keelson.migrate.internal.lint.Rules;
import dev.keelson.migrate.internal.lint.ServerVersion;
import dev.keelson.migrate.internal.lint.Suppression;
import dev.keelson.migrate.internal.lint.UndoVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The linter's one entry point: checks migration files for statements that lock busy tables, break a rolling
 * deploy, cannot be undone or change every row. Needs no database.
 *
 * <pre>{@code
 * LintReport report = Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lintFolder(Path.of("db/migration"), null);
 * if (report.errors() > 0) { ... }
 * }</pre>
 *
 * <p>The files are taken in version order so later files know which tables earlier ones created ("existing"
 * tables), their column types and which constraints they validated; findings are reported only for the checked
 * files. Of an unchecked file only the statements that change those ({@code CREATE TABLE}, {@code ALTER},
 * {@code DROP}, {@code RENAME}) are read, and none at all when no checked file has an {@code ALTER}, the only
 * statement whose rules look back. A table created earlier in the same file is new: nothing on it can lock anyone
 * out.
 */
public final class Linter {
    private final LintConfig config;
    private final List<Rule> rules;

    private Linter(LintConfig config, List<Rule> rules) {
        this.config = config;
        this.rules = rules;
    }

    /**
     * A linter for {@code config}.
     *
     * @throws MigrationException {@code CONFIGURATION} when a severity names an unknown rule or the server version
     *     cannot be read
     */
    public static Linter of(LintConfig config) {
        Set<String> ids = new HashSet<>();
        rules().forEach(r -> ids.add(r.id()));
        for (String id : config.severities().keySet()) {
            if (!ids.contains(id)) {
                throw new MigrationException(
                        MigrationErrorCode.CONFIGURATION,
                        "No lint rule '" + id + "'; the rules are: "
                                + String.join(
                                        ", ", rules().stream().map(RuleInfo::id).toList()));
            }
        }
        try {
            ServerVersion.parse(config.serverVersion());
        } catch (IllegalArgumentException e) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, e.getMessage(), e);
        }
        return new Linter(config, Rules.all());
    }

    /** Every rule, documented; the suppression check {@code lint-ignore-without-reason} last. */
    public static List<RuleInfo> rules() {
        List<RuleInfo> all =
                new ArrayList<>(Rules.all().stream().map(Rule::info).toList());
        all.add(UndoVerifier.INFO);
        all.addAll(MongoRules.all());
        all.add(new RuleInfo(
                Rules.BAD_SUPPRESSION,
                Severity.ERROR,
                "all",
                "a keelson:lint-ignore comment without a reason or naming no known rule"));
        return all;
    }

    /**
     * Lints {@code files}; only those marked checked are reported on.
     *
     * @throws MigrationException {@code SQL_PARSE_ERROR} naming the file and line of an unterminated string or comment
     */
    public LintReport lint(List<LintFile> files) {
        if (config.dialect() == LintDialect.MONGODB) {
            return MongoLint.lint(files, config.severities(), config.serverVersion(), false);
        }
        return new LintRun(config, rules).run(files);
    }

    /**
     * Lints {@code files} where the checked ones are applied together, in version order, in one run (as
     * {@code migrate} applies pending files): a table an earlier checked file creates is new in every later one, so
     * indexing, altering or filling it is no finding. Unchecked files are applied already.
     *
     * @throws MigrationException {@code SQL_PARSE_ERROR} naming the file and line of a statement the lint cannot read
     */
    public LintReport lintRun(List<LintFile> files) {
        if (config.dialect() == LintDialect.MONGODB) {
            return MongoLint.lint(files, config.severities(), config.serverVersion(), true);
        }
        return new LintRun(config, rules, true).run(files);
    }

    /**
     * Lints {@code files} and also proves, for each checked versioned file with an undo file, that the undo restores
     * the schema ({@code undo-does-not-restore}): on a scratch database created next to {@code scratchServer}'s URL
     * (and dropped whatever happens) the migrations of {@code scratchServer}'s locations are applied up to the
     * version, rolled back and the schemas diffed. PostgreSQL and MySQL/MariaDB only: other dialects skip it.
     */
    public LintReport lint(List<LintFile> files, MigratorConfig scratchServer) {
        return withUndoCheck(lint(files), files, scratchServer);
    }

    /** {@link #lintRun(List)} with the undo check of {@link #lint(List, MigratorConfig)}. */
    public LintReport lintRun(List<LintFile> files, MigratorConfig scratchServer) {
        return withUndoCheck(lintRun(files), files, scratchServer);
    }

    private LintReport withUndoCheck(LintReport report, List<LintFile> files, MigratorConfig scratchServer) {
        Severity severity =
                config.severities().getOrDefault(UndoVerifier.INFO.id(), UndoVerifier.INFO.defaultSeverity());
        if (severity == Severity.OFF || config.dialect() == LintDialect.MONGODB) {
            return report; // MongoDB: the undo is proved by its tests (migrate, rollback, migrate), not by a schema
            // diff
        }
        List<Finding> all = new ArrayList<>(report.findings());
        int suppressed = report.suppressed();
        for (Finding f : UndoVerifier.verify(scratchServer, files, severity)) {
            boolean silenced = files.stream()
                    .filter(file -> file.path().equals(f.file()))
                    .findFirst()
                    .map(file -> Suppression.in(file.content()).stream()
                            .anyMatch(s ->
                                    s.rule().equals(f.rule()) && !s.reason().isEmpty()))
                    .orElse(false);
            if (silenced) {
                suppressed++;
            } else {
                all.add(f);
            }
        }
        all.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return new LintReport(report.checkedFiles(), all, suppressed);
    }

    /**
     * Lints the migration files of {@code folder} (recursively; {@code .json} for MongoDB, else {@code .sql}). {@code checked} names the files to report on
     * (file names); {@code null} checks all of them. Paths in findings are relative to {@code folder}'s parent.
     *
     * @throws MigrationException {@code LOCATION_NOT_FOUND} when the folder cannot be read
     */
    public LintReport lintFolder(Path folder, Set<String> checked) {
        Path absolute = folder.toAbsolutePath();
        return lint(read(
                folder, absolute.getParent() == null ? absolute : absolute.getParent(), checked, config.dialect()));
    }

    /**
     * Reads the {@code .sql} files of {@code folder} (recursively, sorted), each shown by its path relative to
     * {@code base}; {@code checked} names the files to report on (file names), {@code null} means all.
     *
     * @throws MigrationException {@code LOCATION_NOT_FOUND} when the folder cannot be read
     */
    public static List<LintFile> read(Path folder, Path base, Set<String> checked) {
        return read(folder, base, checked, LintDialect.POSTGRESQL);
    }

    /**
     * Reads the migration files {@code dialect} has in {@code folder}: {@code .json} for
     * {@link LintDialect#MONGODB}, else {@code .sql}; otherwise as {@link #read(Path, Path, Set)}.
     */
    public static List<LintFile> read(Path folder, Path base, Set<String> checked, LintDialect dialect) {
        String suffix = dialect == LintDialect.MONGODB ? ".json" : ".sql";
        if (!Files.isDirectory(folder)) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND,
                    "Migration folder " + folder + " does not exist; create it or point --dir at it");
        }
        List<LintFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(suffix))
                    .sorted()
                    .toList()) {
                String name = p.getFileName().toString();
                String shown = base.toAbsolutePath()
                        .relativize(p.toAbsolutePath())
                        .toString()
                        .replace('\\', '/');
                files.add(new LintFile(shown, Files.readString(p), checked == null || checked.contains(name)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException(MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot read " + folder + ": " + e, e);
        }
        return files;
    }
}

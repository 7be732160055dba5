package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationFiles;
import dev.keelson.migrate.MigrationFiles.NewMigration;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keelson db diff}: the live database against the schema its migrations produce (built on a scratch
 * database on the same server, dropped afterwards whatever happens), or two databases ({@code --from}/{@code --to});
 * {@code --generate} writes the V/U pair that takes the database to the folder's schema and back.
 */
@Command(
        name = "diff",
        description = {
            "Compares the database with the schema its migrations produce (applied to a scratch database on the same"
                    + " server, dropped afterwards), or two databases with --from and --to.",
            "With --generate, writes V/U files that take the database to the folder's schema (V) and back (U)."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {
            "0:no differences (or --generate wrote its files)",
            "1:the schemas differ, or the database failed",
            DbCommand.EXIT_USAGE,
            DbCommand.EXIT_INTERRUPTED
        })
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DbOptions options;

    @Option(names = "--from", paramLabel = "JDBC_URL", description = "First database of a two-database comparison.")
    String from;

    @Option(names = "--to", paramLabel = "JDBC_URL", description = "Second database of a two-database comparison.")
    String to;

    @Option(
            names = "--generate",
            paramLabel = "DESCRIPTION",
            description = "Write V<n>__DESCRIPTION.sql (database → folder's schema) and its undo file into the folder.")
    String generate;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.root.environment();
        if ((from == null) != (to == null)) {
            throw new UsageException("Give both --from and --to to compare two databases, or neither to compare the "
                    + "database with its migrations");
        }
        if (from != null && generate != null) {
            throw new UsageException("--generate works on the database and its migrations folder; drop --from/--to");
        }
        SchemaComparison comparison;
        DiffDocuments.Sides sides;
        if (from != null) {
            String table = options.table == null ? Migrator.DEFAULT_HISTORY_TABLE : options.table;
            comparison = SchemaDiff.compare(
                    SchemaDiff.read(from, options.user, options.password, table),
                    SchemaDiff.read(to, options.user, options.password, table));
            sides = DiffDocuments.Sides.FROM_AND_TO;
        } else {
            MigratorConfig config = DbSettings.resolve(options, environment)
                    .migrator(MigrationListener.NONE, false)
                    .config();
            DbSchema live = SchemaDiff.read(config.url(), config.user(), config.password(), config.historyTable());
            comparison = SchemaDiff.compare(live, SchemaDiff.ofMigrations(config));
            sides = DiffDocuments.Sides.DATABASE_AND_MIGRATIONS;
            if (generate != null) {
                return generate(environment, comparison);
            }
        }
        DiffDocuments.Sides shown = sides;
        environment
                .out()
                .println(
                        options.format == OutputFormat.JSON
                                ? DiffDocuments.json(comparison, shown)
                                : DiffDocuments.text(comparison, shown));
        return comparison.equal() ? ExitCode.OK : ExitCode.FAILED;
    }

    private int generate(CliEnvironment environment, SchemaComparison comparison) {
        if (comparison.equal()) {
            environment.out().println("No differences: nothing to generate.");
            return ExitCode.OK;
        }
        List<String> up = SchemaDiff.script(comparison);
        List<String> undo = SchemaDiff.script(SchemaDiff.compare(comparison.to(), comparison.from()));
        NewMigration files =
                MigrationFiles.createNext(DbSettings.directory(options.dir, options.config, environment), generate);
        append(files.versioned(), up);
        append(files.undo(), undo);
        environment
                .out()
                .println("Created " + shown(environment, files.versioned()) + " (" + up.size() + " statements)");
        environment.out().println("Created " + shown(environment, files.undo()) + " (" + undo.size() + " statements)");
        return ExitCode.OK;
    }

    private static void append(Path file, List<String> statements) {
        StringBuilder b = new StringBuilder();
        statements.forEach(s -> b.append(s).append(";\n\n"));
        try {
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new MigrationException(
                    MigrationErrorCode.FILE_WRITE_FAILED, "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path shown(CliEnvironment environment, Path file) {
        return file.startsWith(environment.workingDir())
                ? environment.workingDir().relativize(file)
                : file;
    }
}

package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db migrate}: applies pending migrations, or with {@code --dry-run} prints their SQL. */
@Command(
        name = "migrate",
        description = {
            "Applies pending migrations: versioned ones in order, then changed repeatable ones.",
            "Each runs in its own transaction where the database can roll DDL back (PostgreSQL, SQLite, H2).",
            "Several migrate processes at once are safe: each migration is applied exactly once; a waiting process"
                    + " gives up after --lock-timeout (exit 1, LOCK_TIMEOUT, naming the holder)."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_LOCKED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
final class MigrateCommand extends LockingCommand {
    @Option(
            names = "--target",
            paramLabel = "VERSION",
            converter = VersionConverter.class,
            description = "Apply up to and including this version only.")
    Version target;

    @Option(
            names = "--dry-run",
            description = "Print the exact SQL that would run, in order; change nothing, take no lock.")
    boolean dryRun;

    @Option(
            names = "--out-of-order",
            description = "Apply pending versions below the newest applied one instead of refusing.")
    boolean outOfOrder;

    @Option(
            names = "--no-lint",
            description = "Skip the lint of the pending files that runs before anything is applied"
                    + " (they are linted as one run: a table an earlier pending file creates is new; undo files are not linted"
                    + " here but by rollback and db lint).")
    boolean noLint;

    @Override
    boolean outOfOrder() {
        return outOfOrder;
    }

    @Override
    int run(Migrator migrator, Printer printer) {
        MigrateResult result = migrator.migrate(new MigrateOptions(target, dryRun));
        if (result.lint().warnings() > 0 && !parent.root.quiet()) {
            parent.root
                    .environment()
                    .err()
                    .println(LintDocuments.text(
                            result.lint(), parent.root.environment().colours()));
        }
        printer.print(() -> TextReports.migrate(result), () -> JsonDocuments.migrate(result));
        return ExitCode.OK;
    }

    @Override
    LintPolicy lintPolicy(CliEnvironment environment) {
        return noLint ? LintPolicy.off() : super.lintPolicy(environment);
    }

    @Override
    String noLintHint() {
        return "; or run migrate with --no-lint";
    }
}

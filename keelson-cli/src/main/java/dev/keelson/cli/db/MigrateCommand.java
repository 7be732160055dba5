package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.lint.LintReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db migrate}: applies pending migrations, or with {@code --dry-run} prints their SQL. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Applies pending migrations: versioned ones in order, then changed repeatable ones.",
            "Each runs in its own transaction where the database can roll DDL back (PostgreSQL, SQLite, H2).",
            "Several migrate processes at once are safe: each migration is applied exactly once; a waiting process",
            "gives up after --lock-timeout (exit 1, LOCK_TIMEOUT, naming the holder)."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_FAILED, DbCommand.EXIT_USAGE})
final class MigrateCommand extends DatabaseCommand {
    @Option(names = "--target", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "Apply up to and including this version only.")
    Version target;

    @Option(names = "--dry-run", description = "Print the exact SQL that would run, in order; change nothing, take no lock.")
    boolean dryRun;

    @Option(names = "--out-of-order", description = "Apply pending versions below the newest applied one instead of refusing.")
    boolean outOfOrder;

    @Option(names = "--no-lint", description = "Skip the lint of pending files that runs before anything is applied.")
    boolean noLint;

    @Override
    boolean outOfOrder() {
        return outOfOrder;
    }

    @Override
    int run(Migrator migrator, Printer printer) {
        if (!noLint) {
            lintPending(migrator);
        }
        MigrateResult result = migrator.migrate(new MigrateOptions(target, dryRun));
        printer.print(() -> TextReports.migrate(result), () -> JsonDocuments.migrate(result));
        return ExitCode.OK;
    }

    /** Runs the lint over the pending files; errors stop the run before it starts (warnings are {@code db lint}'s). */
    private void lintPending(Migrator migrator) {
        LintReport report = MigrateLint.pending(settings, migrator, parent.root.environment());
        if (report.errors() > 0) {
            parent.root.environment().err().println(LintDocuments.text(report));
            throw new MigrationException(ErrorCode.LINT_FAILED, "The lint found " + report.errors()
                    + " error(s) in pending migrations (listed above); nothing was applied. Fix them, suppress one with"
                    + " `-- keelson:lint-ignore RULE reason` in the file, or run migrate with --no-lint");
        }
    }
}

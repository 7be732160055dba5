package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.ValidationResult;
import picocli.CommandLine.Command;

/** {@code keelson db validate}: exit 1 with the list of problems when applied files changed or vanished. */
@Command(
        name = "validate",
        description = "Checks that every applied migration's file is present and unchanged, and that none failed.",
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {
            "0:valid",
            "1:problems found (listed), or the database failed",
            DbCommand.EXIT_USAGE,
            DbCommand.EXIT_INTERRUPTED
        })
final class ValidateCommand extends DatabaseCommand {
    @Override
    int run(Migrator migrator, Printer printer) {
        ValidationResult result = migrator.validate();
        printer.print(() -> TextReports.validate(result), () -> JsonDocuments.validate(result));
        return result.valid() ? ExitCode.OK : ExitCode.FAILED;
    }
}

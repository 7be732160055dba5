package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db baseline}: adopts an existing database. */
@Command(
        name = "baseline",
        description = {
            "Adopts an existing database: marks every version up to VERSION as applied.",
            "Migrations up to VERSION never run, later ones do. Refused when migrations were applied already."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_LOCKED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
final class BaselineCommand extends LockingCommand {
    @Option(
            names = "--version",
            required = true,
            paramLabel = "VERSION",
            converter = VersionConverter.class,
            description = "The version the existing schema corresponds to.")
    Version version;

    @Option(
            names = "--description",
            defaultValue = "baseline",
            description = "Recorded in the history (default: ${DEFAULT-VALUE}).")
    String description;

    @Override
    int run(Migrator migrator, Printer printer) {
        migrator.baseline(version, description);
        printer.print(
                () -> "Baselined at version " + version + ": migrations up to " + version + " count as applied",
                () -> JsonDocuments.baseline(version, description));
        return ExitCode.OK;
    }
}

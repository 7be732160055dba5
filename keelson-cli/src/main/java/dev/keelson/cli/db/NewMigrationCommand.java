package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.JsonDocument;
import dev.keelson.migrate.MigrationFiles;
import dev.keelson.migrate.MigrationFiles.NewMigration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson db new}: writes the next versioned migration and its undo file. */
@Command(
        name = "new",
        description = {
            "Writes the next migration V<n>__<description>.sql and its undo file U<n>__<description>.sql.",
            "n is one above the highest existing version; prints the two paths. No database needed.",
            "For MongoDB (db.url or KEELSON_DB_URL is mongodb://, or the folder holds .json migrations) the two files"
                    + " are V<n>__<description>.json and U<n>__<description>.json: commented JSON arrays of database"
                    + " commands."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {
            DbCommand.EXIT_OK,
            "1:a file exists already or cannot be written",
            DbCommand.EXIT_USAGE,
            DbCommand.EXIT_INTERRUPTED
        })
final class NewMigrationCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTION", description = "What the migration does, e.g. create users.")
    List<String> description;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Migrations folder, relative to the working directory (or db.dir; default: db/migration).")
    String dir;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file instead of ./keelson.properties.")
    String config;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text for people, json for scripts: {\"format\":1,\"command\":\"db new\",\"versioned\":"
                    + "PATH,\"undo\":PATH}.")
    OutputFormat format;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.root.environment();
        Path folder = DbSettings.directory(dir, config, environment);
        String url = environment
                .env()
                .getOrDefault(
                        "KEELSON_DB_URL", DbConfig.load(config, environment).getProperty("db.url"));
        NewMigration created =
                MigrationFiles.createNext(folder, String.join(" ", description), MigrationFiles.holdsJson(folder, url));
        String versioned = shown(environment, created.versioned()).toString();
        String undo = shown(environment, created.undo()).toString();
        if (format == OutputFormat.JSON) {
            environment
                    .out()
                    .println(JsonDocument.write(JsonDocument.of("db new")
                            .put("versioned", versioned)
                            .put("undo", undo)));
        } else {
            environment.out().println("Created " + versioned);
            environment.out().println("Created " + undo);
        }
        return ExitCode.OK;
    }

    private static Path shown(CliEnvironment environment, Path file) {
        return file.startsWith(environment.workingDir())
                ? environment.workingDir().relativize(file)
                : file;
    }
}

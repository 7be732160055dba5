package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.report.HtmlReport;
import dev.keelson.load.report.JsonReport;
import dev.keelson.load.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output} and {@code --save}: which report, and where. */
final class OutputOptions {
    enum Format {
        TEXT,
        JSON,
        HTML
    }

    @Option(
            names = {"--format", "--output", "-o"},
            paramLabel = "text|json|html",
            defaultValue = "text",
            description = "Report format: text, json or html (default ${DEFAULT-VALUE}); --output and -o are the same.")
    Format format = Format.TEXT;

    @Option(
            names = "--save",
            paramLabel = "FILE",
            description =
                    "Write the report to FILE and print the text summary; otherwise the report goes to standard output.")
    String save;

    /** Fails before the run when the report could not be saved. */
    void checkTarget(CliEnvironment env) {
        if (save == null) return;
        Path parent = env.resolve(save).getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG, "--save " + save + ": directory " + parent + " does not exist");
        }
    }

    void write(LoadResult result, CliEnvironment env) {
        String report = switch (format) {
            case TEXT -> TextReport.render(result);
            case JSON -> JsonReport.render(result);
            case HTML -> HtmlReport.render(result);
        };
        write(report, TextReport.render(result), env);
    }

    /** Prints {@code report}, or saves it and prints {@code summary}. */
    void write(String report, String summary, CliEnvironment env) {
        if (save == null) {
            env.out().print(report);
            env.out().flush();
            return;
        }
        Path file = env.resolve(save);
        try {
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new LoadException(LoadErrorCode.RUN_FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
        env.out().print(summary);
        env.out().println("saved " + format.name().toLowerCase() + " report to " + save);
        env.out().flush();
    }
}

package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import java.util.function.Supplier;

/** Prints a result as the text a person reads or as one JSON document, as {@code --format} asks. */
record Printer(CliEnvironment environment, OutputFormat format) {
    /** Prints {@code json} when the format is JSON, else {@code text}; each is only built when used. */
    void print(Supplier<String> text, Supplier<String> json) {
        environment.out().println(format == OutputFormat.JSON ? json.get() : text.get());
    }
}

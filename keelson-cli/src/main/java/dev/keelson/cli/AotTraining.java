package dev.keelson.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The training run of the launcher's AOT cache (JDK 25+, JEP 483 and 515); not a user command.
 *
 * <p>The cache holds the classes, linkage and profiles a training run used, so the training should look like what
 * users run and load nothing else: every class in the cache is loaded at each start, and an in-memory H2 database,
 * the earlier training workload, put a whole database engine into every start. This runs, in one JVM, help,
 * {@code db migrate}, {@code db status} and {@code db validate} on a few migration files against a
 * SQLite file in the scratch folder it is given, {@code db lint} of them as PostgreSQL (the lint {@code migrate} runs
 * there first, which SQLite has no rules for), then {@code db status} against a {@link PostgresStandIn}, as far as
 * it gets. Output is discarded; the exit code is always 0.
 */
public final class AotTraining {
    private static final int FILES = 3;

    private AotTraining() {}

    /** {@code args[0]}: an empty scratch folder, which the caller removes afterwards. */
    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]);
        Path migrations = Files.createDirectories(scratch.resolve("migrations"));
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(migrations.resolve("V" + i + "__table_" + i + ".sql"), """
                    -- a table and a row
                    CREATE TABLE t_%1$d (id integer PRIMARY KEY, name text NOT NULL);
                    INSERT INTO t_%1$d (id, name) VALUES (1, 'it''s one; really');
                    CREATE INDEX t_%1$d_name ON t_%1$d (name);
                    """.formatted(i));
            Files.writeString(migrations.resolve("U" + i + "__table_" + i + ".sql"), "DROP TABLE t_" + i + ";\n");
        }
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CliEnvironment environment = new CliEnvironment(sink, sink, Map.of(), scratch, false);
        String[] database = {"--url", "jdbc:sqlite:" + scratch.resolve("training.db"), "--dir", migrations.toString()};
        String[] none = {};
        run(environment, none, "--help");
        run(environment, none, "db", "--help");
        run(environment, database, "db", "status");
        run(environment, database, "db", "migrate");
        run(environment, database, "db", "status");
        run(environment, database, "db", "validate");
        // SQLite has no lint rules: this is the lint migrate runs on PostgreSQL and MySQL, warnings printed as text
        run(environment, new String[] {"--dir", migrations.toString()}, "db", "lint", "--dialect", "postgresql");
        try (var postgres = new PostgresStandIn()) {
            run(
                    environment,
                    new String[] {"--url", postgres.url(), "--user", "training", "--dir", migrations.toString()},
                    "db",
                    "status");
        }
    }

    private static void run(CliEnvironment environment, String[] options, String... command) {
        String[] args = Arrays.copyOf(command, command.length + options.length);
        System.arraycopy(options, 0, args, command.length, options.length);
        Keelson.run(args, environment);
    }
}

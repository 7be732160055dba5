package dev.keelson.cli.demo;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.CommandFailure;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import dev.keelson.cli.UsageException;
import dev.keelson.scaffold.GeneratedProject;
import dev.keelson.scaffold.Scaffold;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keelson demo}: generate, build, start on embedded PostgreSQL, migrate, load, report, stop. */
@Command(
        name = "demo",
        sortOptions = false,
        description = {
            "The whole loop on one machine, no database needed: generates ./demo-api (as keelson new does, or "
                    + "reuses it), builds it, starts an embedded PostgreSQL, applies the migrations with keelson db "
                    + "migrate, starts the service, runs a keelson load scenario (register, log in, place orders, "
                    + "list them), writes demo-report.html, prints where everything is and how to go on, and stops "
                    + "the service and the database (or keeps them running with --serve).",
            ""
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the demo ran end to end (with --serve: until the service is stopped)",
            "1:a step failed (build, database, migration, service, load); the message says where its output is",
            "2:bad usage: an unknown option, a demo-api folder that is not a keelson demo project",
            "130:interrupted (with --serve, the usual way to end it): the service and the database are stopped"
        })
public final class DemoCommand implements Callable<Integer> {
    static final String NAME = "demo-api";
    private static final int STEP_COUNT = 7;

    @ParentCommand
    Keelson root;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder for demo-api/ and demo-report.html (default: the current directory).")
    String dir;

    @Option(
            names = "--serve",
            description = "Keep the service and its database running after the report, until "
                    + "Ctrl-C (default: stop them).")
    boolean serve;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "The service's port; 0, or a " + "port in use, picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "4",
            description = "Virtual users of the load scenario (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            defaultValue = "40",
            description = "Scenario iterations, " + DemoScenario.STEPS
                    + " requests each, one new account each (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = {"--format", "-o"},
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text for people; json prints one document (where everything is) on standard output and the"
                    + " steps' output on standard error (default: ${DEFAULT-VALUE}).")
    Format format;

    /** How the closing summary is printed. */
    enum Format {
        TEXT,
        JSON
    }

    @Override
    public Integer call() throws Exception {
        if (users < 1 || iterations < 1 || port < 0 || port > 65_535) {
            throw new UsageException("--users and --iterations must be at least 1, --port between 0 and 65535");
        }
        CliEnvironment env = root.environment();
        Path base = dir == null ? env.workingDir() : env.resolve(dir);
        Steps steps = new Steps(
                root.quiet() ? new PrintWriter(Writer.nullWriter()) : env.err(),
                Clock.systemUTC(),
                serve ? STEP_COUNT - 1 : STEP_COUNT);
        Path project = base.resolve(NAME);
        prepare(project, steps);
        build(project, steps);
        Resources running = new Resources();
        Thread onInterrupt = new Thread(
                () -> {
                    running.stopRequested = true;
                    env.err()
                            .println("interrupted: stopping the service and its database; " + project
                                    + " and what the demo wrote stay");
                    env.err().flush();
                    running.stopQuietly();
                    env.err().println("stopped");
                    env.err().flush();
                },
                "keelson-demo-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return runAgainstService(base, project, steps, running);
        } finally {
            running.stopQuietly();
            removeHook(onInterrupt);
        }
    }

    private int runAgainstService(Path base, Path project, Steps steps, Resources running) throws Exception {
        CliEnvironment env = nested(root.environment());
        steps.begin("PostgreSQL: starting an embedded one (binaries from Maven Central)");
        running.database = EmbeddedPostgres.builder().start();
        String url = "jdbc:postgresql://127.0.0.1:" + running.database.getPort() + "/postgres";
        steps.done("listening on port " + running.database.getPort() + ", data in a temporary folder");

        Path migrations = project.resolve("src/main/resources/db/migration");
        steps.begin("Migrations: keelson db migrate --url " + url + " --user postgres --dir "
                + base.relativize(migrations));
        runKeelson(
                env, "migrations", "db", "migrate", "--url", url, "--user", "postgres", "--dir", migrations.toString());
        steps.done("schema current");

        int servicePort = freePort(port, steps);
        steps.begin("Service: java -jar " + base.relativize(new ProjectBuild(project, NAME).jar()) + " on port "
                + servicePort + " (migrate-on-start off: the schema is keelson db's)");
        Path serviceLog = project.resolve("target/demo-service.log");
        ServiceProcess service = ServiceProcess.start(
                new ProjectBuild(project, NAME).jar(),
                servicePort,
                Map.of(
                        "SPRING_DATASOURCE_URL", url,
                        "SPRING_DATASOURCE_USERNAME", "postgres",
                        "APP_DATABASE_MIGRATE_ON_START", "false",
                        // every virtual user signs up and in from this one address: lift the per-address sign-in limit
                        "APP_RATE_LIMIT_AUTH_CAPACITY", "1000000",
                        // the virtual users have no mailbox to verify their address from, and orders need a verified
                        // one
                        "APP_AUTH_ORDERS_NEED_VERIFIED_EMAIL", "false"),
                serviceLog);
        running.service = service;
        service.awaitReady();
        steps.done(
                "ready: " + service.baseUrl() + "/health/ready answers UP (log: " + base.relativize(serviceLog) + ")");

        DemoScenario scenario = DemoScenario.write(
                project, service.baseUrl(), UUID.randomUUID().toString().substring(0, 8), iterations);
        Path report = base.resolve("demo-report.html");
        steps.begin("Load: keelson load --scenario " + base.relativize(scenario.scenario()) + " --users " + users
                + " --requests " + scenario.requests());
        runKeelson(
                env,
                "load",
                "load",
                "--scenario",
                scenario.scenario().toString(),
                "--users",
                Integer.toString(users),
                "--requests",
                Long.toString(scenario.requests()),
                "--timeout",
                "30s",
                "--output",
                "html",
                "--save",
                report.toString());
        steps.done("report written");

        if (serve) {
            summary(new DemoSummary(
                    base, project, report, scenario, serviceLog, service.baseUrl(), true, steps.elapsed()));
            int exit = service.waitFor();
            if (running.stopRequested) {
                // Ctrl-C: the shutdown hook stopped the service and says so; this thread has nothing to add
                return ExitCode.INTERRUPTED;
            }
            env.err().println("The service stopped by itself (exit " + exit + "); see " + serviceLog);
            return exit == 0 ? ExitCode.OK : ExitCode.FAILED;
        }
        steps.begin("Stop: the service (SIGTERM: graceful shutdown), then the database");
        boolean graceful = service.stop();
        running.database.close();
        running.database = null;
        steps.done(
                graceful
                        ? "stopped cleanly"
                        : "the service did not stop within " + ServiceProcess.STOP_TIMEOUT.toSeconds()
                                + " s and was killed");
        summary(new DemoSummary(
                base, project, report, scenario, serviceLog, service.baseUrl(), false, steps.elapsed()));
        return ExitCode.OK;
    }

    /** With --format json, the steps' own output (migrate's, load's) goes to standard error: stdout is the document. */
    private CliEnvironment nested(CliEnvironment env) {
        return format == Format.JSON
                ? new CliEnvironment(env.err(), env.err(), env.env(), env.workingDir(), env.interactive())
                : env;
    }

    private void summary(DemoSummary summary) {
        PrintWriter out = root.environment().out();
        if (format == Format.JSON) {
            out.println(summary.json());
        } else {
            summary.print(out);
        }
        out.flush();
    }

    private void prepare(Path project, Steps steps) throws IOException {
        steps.begin("Project: " + project);
        if (Files.isRegularFile(project.resolve("pom.xml"))) {
            if (!Files.readString(project.resolve("pom.xml")).contains("<artifactId>" + NAME + "</artifactId>")) {
                throw new UsageException(project + " exists and is not a keelson demo project: move it away, or run "
                        + "the demo in another folder (--dir)");
            }
            steps.done("reusing it (delete the folder to start from a fresh copy)");
            return;
        }
        GeneratedProject generated = Scaffold.configure()
                .name(NAME)
                .parentDirectory(project.getParent())
                .gitCommit(false)
                .build()
                .generate();
        steps.done(
                "generated like keelson new " + NAME + ": " + generated.files().size() + " files");
    }

    private void build(Path project, Steps steps) throws IOException, InterruptedException {
        ProjectBuild build = new ProjectBuild(project, NAME);
        steps.begin("Build: the service's jar, without its tests");
        if (build.upToDate()) {
            steps.done("up to date: " + project.relativize(build.jar()));
            return;
        }
        build.run(steps);
        steps.done("built " + project.relativize(build.jar()));
    }

    private void runKeelson(CliEnvironment env, String what, String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        if (root.verbose()) {
            command.add("--verbose");
        }
        if (root.quiet()) {
            command.add("--quiet");
        }
        int code = Keelson.run(command.toArray(String[]::new), env);
        if (code != ExitCode.OK) {
            throw new CommandFailure("The " + what + " step failed (keelson " + args[0] + " " + args[1] + " exit "
                    + code + "): see its message above");
        }
    }

    /** {@code requested} when it is free on this machine, else any free port (said so). */
    private static int freePort(int requested, Steps steps) throws IOException {
        if (requested != 0) {
            try (ServerSocket probe = new ServerSocket(requested, 1, InetAddress.getLoopbackAddress())) {
                return requested;
            } catch (IOException inUse) {
                steps.note("port " + requested + " is in use: taking a free one");
            }
        }
        try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return any.getLocalPort();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook stops what runs
        }
    }

    /** What runs and must be stopped, whatever happens: the service, then the database. */
    private static final class Resources {
        volatile ServiceProcess service;
        volatile EmbeddedPostgres database;
        /** Set by the shutdown hook before it stops anything: the service ending then is no news. */
        volatile boolean stopRequested;

        synchronized void stopQuietly() {
            try {
                if (service != null) {
                    service.stop();
                    service = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                if (database != null) {
                    database.close();
                    database = null;
                }
            } catch (IOException e) {
                // best effort on the way out
            }
        }
    }
}

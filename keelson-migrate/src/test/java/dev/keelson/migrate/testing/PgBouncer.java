package dev.keelson.migrate.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PgBouncer (the Debian package, {@code apt-get install pgbouncer}) in transaction pooling mode, started on a
 * free port in front of the PostgreSQL server of a {@link TestDatabase}, stopped on {@link #close()}. Without the
 * binary the test fails under {@code CI=true} and is skipped otherwise. PgBouncer refuses to run as root: as root it
 * is started with {@code -u postgres}.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final Path dir;
    private final int port;
    private final TestDatabase target;

    private PgBouncer(Process process, Path dir, int port, TestDatabase target) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.target = target;
    }

    /** Starts PgBouncer in front of {@code db}'s server, serving {@code db}'s database. */
    public static PgBouncer start(TestDatabase db) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            if (TestDatabases.ci()) {
                throw new AssertionError("CI=true but " + BINARY + " is missing: apt-get install -y pgbouncer");
            }
            Assumptions.abort("PgBouncer not installed (" + BINARY + "): apt-get install -y pgbouncer");
        }
        Matcher m = URL.matcher(db.url());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + db.url());
        }
        Path dir = Files.createTempDirectory(
                "keelson-pgbouncer",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePort();
        Files.writeString(dir.resolve("users.txt"), "\"" + db.user() + "\" \"\"\n");
        Files.writeString(dir.resolve("pgbouncer.ini"), """
                [databases]
                * = host=%s port=%s
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                pool_mode = transaction
                default_pool_size = 6
                max_client_conn = 100
                ignore_startup_parameters = extra_float_digits,options
                """.formatted(
                        m.group(1), m.group(2) == null ? "5432" : m.group(2), port, dir.resolve("users.txt")));
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "postgres"));
        }
        command.add(dir.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbouncer.log").toFile())
                .start();
        TestDatabase through = new TestDatabase(
                Engine.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:" + port + "/" + m.group(3),
                db.user(),
                db.password(),
                () -> {});
        PgBouncer bouncer = new PgBouncer(process, dir, port, through);
        bouncer.awaitReady();
        return bouncer;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try (Connection ignored = DriverManager.getConnection(target.url(), target.user(), target.password())) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("PgBouncer did not start: " + Files.readString(dir.resolve("pgbouncer.log")));
    }

    /** The database through PgBouncer (closing it does nothing). */
    public TestDatabase database() {
        return target;
    }

    public int port() {
        return port;
    }

    /** What PgBouncer logged. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("pgbouncer.log"));
    }

    /** Stops PgBouncer (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}

package dev.keelson.migrate;

import dev.keelson.migrate.testing.DriverDataSource;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A migrator in a process of its own, for the tests that start several at once or kill one with SIGKILL. Migrates
 * {@code args[3]} on {@code args[0]} (user {@code args[1]}, password {@code args[2]}, empty for none), prints
 * {@code starting <file>} as each migration starts and {@code applied=N} at the end.
 *
 * <p>Optional: {@code args[4]} the lock stale period in ms; {@code args[5]} the value of the {@code ${pause}}
 * placeholder. SQLite connections get a function {@code keelson_pause(ms)} and H2 databases an alias
 * {@code KEELSON_PAUSE(ms)}, both {@link #pause}: a statement a test can kill the process in.
 */
public final class MigratorMain {
    private MigratorMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1].isEmpty() ? null : args[1];
        String password = args[2].isEmpty() ? null : args[2];
        Migrator.Builder builder = Migrator.configure()
                .location("filesystem:" + args[3])
                .lockTimeout(Duration.ofMinutes(2))
                .listener(new MigrationListener() {
                    @Override
                    public void starting(MigrationType type, Version version, String script, int index, int total) {
                        say("starting " + script);
                    }
                });
        if (args.length > 4) {
            builder.lockStaleAfter(Duration.ofMillis(Long.parseLong(args[4])));
        }
        if (args.length > 5) {
            builder.placeholder("pause", args[5]);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            builder.dataSource(new DriverDataSource(
                    new TestDatabase(Engine.SQLITE, url, null, null, () -> {}), MigratorMain::addPause));
        } else {
            builder.url(url).user(user).password(password);
            if (url.startsWith("jdbc:h2:") && args.length > 5) {
                try (Connection c = new TestDatabase(Engine.H2, url, user, password, () -> {}).connect();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE ALIAS IF NOT EXISTS KEELSON_PAUSE FOR '" + MigratorMain.class.getName()
                            + ".pause'");
                }
            }
        }
        say("applied="
                + builder.build().migrate(MigrateOptions.latest()).migrations().size());
    }

    /** Says it is pausing, then sleeps {@code millis}. */
    public static int pause(int millis) throws InterruptedException {
        say("pausing");
        Thread.sleep(millis);
        return 0;
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Gives a SQLite connection the function {@code keelson_pause(ms)}. */
    private static void addPause(Connection c) throws SQLException {
        org.sqlite.Function.create(c, "keelson_pause", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                try {
                    result(pause(value_int(0)));
                } catch (InterruptedException e) {
                    throw new SQLException(e);
                }
            }
        });
    }
}

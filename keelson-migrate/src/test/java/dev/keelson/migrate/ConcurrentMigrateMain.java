package dev.keelson.migrate;

/**
 * A separate process for the concurrency contract test: migrates {@code args[3]} on {@code args[0]} (user
 * {@code args[1]}, password {@code args[2]}, empty for none) and prints {@code applied=N}.
 */
public final class ConcurrentMigrateMain {
    private ConcurrentMigrateMain() {}

    public static void main(String[] args) {
        MigrateResult result = Migrator.configure()
                .url(args[0])
                .user(args[1].isEmpty() ? null : args[1])
                .password(args[2].isEmpty() ? null : args[2])
                .location("filesystem:" + args[3])
                .lockTimeout(java.time.Duration.ofMinutes(2))
                .load()
                .migrate(MigrateOptions.latest());
        System.out.println("applied=" + result.migrations().size());
    }
}

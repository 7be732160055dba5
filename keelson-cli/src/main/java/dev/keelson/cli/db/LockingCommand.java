package dev.keelson.cli.db;

import java.time.Duration;
import picocli.CommandLine.Option;

/** A database command that takes the migration lock, and so offers {@code --lock-timeout}; status and validate don't. */
abstract class LockingCommand extends DatabaseCommand {
    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "How long to wait for another migrator's lock, e.g. 30s, 5m (or db.lock-timeout; default: 10m)."
                            + " On expiry: exit 1, LOCK_TIMEOUT, and the message names the holder.")
    Duration lockTimeout;

    @Override
    Duration lockTimeout() {
        return lockTimeout;
    }
}

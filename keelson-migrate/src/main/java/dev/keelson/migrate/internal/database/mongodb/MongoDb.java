package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.Database;
import dev.keelson.migrate.internal.engine.MigrationEngine;
import java.util.List;

/**
 * MongoDB, reached through its official driver rather than JDBC, so it brings a {@link MigrationEngine} of its own
 * ({@link MongoEngine}). This class touches no driver type: the driver is an optional dependency of
 * keelson-migrate, and a {@code mongodb://} URL without it is a configuration error naming the artifact.
 */
public final class MongoDb implements Database {
    @Override
    public String name() {
        return "MongoDB";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("mongodb://", "mongodb+srv://");
    }

    /** The engine for {@code config}, whose URL is a MongoDB one. */
    public MigrationEngine engine(MigratorConfig config) {
        try {
            return new MongoEngine(config);
        } catch (NoClassDefFoundError e) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "A mongodb:// URL needs the MongoDB driver on the class path: add org.mongodb:mongodb-driver-sync",
                    e);
        }
    }
}

package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.mongodb.MongoDb;

/**
 * The operations behind {@link dev.keelson.migrate.Migrator}, for one configuration. SQL databases reached over JDBC
 * share {@link JdbcEngine} (their differences are their {@link dev.keelson.migrate.internal.database.Dialect});
 * a database reached otherwise brings an engine of its own, chosen in {@link #of}.
 */
public interface MigrationEngine {

    /** The engine for {@code config}'s database. */
    static MigrationEngine of(MigratorConfig config) {
        if (Databases.find(config.url()).orElse(null) instanceof MongoDb mongo) {
            return mongo.engine(config);
        }
        return new JdbcEngine(config);
    }

    MigrateResult migrate(MigrateOptions options);

    RollbackResult rollback(RollbackOptions options);

    StatusReport status();

    ValidationResult validate();

    RepairResult repair(RepairOptions options);

    void baseline(Version version, String description);
}

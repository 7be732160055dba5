package dev.keelson.migrate;

import dev.keelson.migrate.testing.Engine;

class PostgresMigrationIT extends MigrationContractIT {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }
}

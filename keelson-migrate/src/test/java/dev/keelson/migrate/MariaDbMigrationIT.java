package dev.keelson.migrate;

import dev.keelson.migrate.testing.Engine;

class MariaDbMigrationIT extends MigrationContractIT {
    @Override
    Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }
}

package dev.keelson.migrate;

import dev.keelson.migrate.testing.Engine;

class H2MigrationIT extends LockRowMigrationContractIT {
    @Override
    Engine engine() {
        return Engine.H2;
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }
}

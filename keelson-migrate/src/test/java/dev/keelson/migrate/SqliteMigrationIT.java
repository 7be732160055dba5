package dev.keelson.migrate;

import dev.keelson.migrate.testing.Engine;

class SqliteMigrationIT extends LockRowMigrationContractIT {
    @Override
    Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    @Override
    String pause(int millis) {
        return "SELECT keelson_pause(" + millis + ")";
    }
}

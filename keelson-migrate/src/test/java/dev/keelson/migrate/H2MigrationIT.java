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

    /**
     * H2's MVStore writes commits to the file in the background (about every 0.5 s by default): a process killed
     * right after a commit loses it, as H2 documents. The pause is awaited, then that write delay, so what the
     * test asserts is on disk.
     */
    @Override
    void awaitPause(ChildMigrator child) throws Exception {
        super.awaitPause(child);
        Thread.sleep(1500);
    }

    @Override
    String pause(int millis) {
        return "CALL KEELSON_PAUSE(" + millis + ")";
    }
}

package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstMigrationOfAnEmptyFolderIsVersionOneWithItsUndo() throws Exception {
        MigrationFiles.NewMigration m = MigrationFiles.createNext(dir.resolve("db/migration"), "create users");
        assertThat(m.versioned().getFileName().toString()).isEqualTo("V1__create_users.sql");
        assertThat(m.undo().getFileName().toString()).isEqualTo("U1__create_users.sql");
        assertThat(Files.readString(m.versioned())).startsWith("-- V1__create_users.sql: create users");
        assertThat(Files.readString(m.undo())).startsWith("-- U1__create_users.sql: undoes V1__create_users.sql");
    }

    @Test
    void theNextNumberFollowsTheFirstPartOfTheHighestVersion() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("V3.7__b.sql"), "");
        Files.writeString(dir.resolve("README.md"), "");
        assertThat(MigrationFiles.createNext(dir, "add  orders!")
                        .versioned()
                        .getFileName()
                        .toString())
                .isEqualTo("V4__add_orders.sql");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("U1__x.sql")); // in the way, though not a migration file
        assertThatThrownBy(() -> MigrationFiles.createNext(dir, "x"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("U1__x.sql already exists")
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.FILE_WRITE_FAILED));
        assertThat(dir.resolve("V1__x.sql")).doesNotExist();
    }
}

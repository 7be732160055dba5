package dev.keelson.migrate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.resolve.ScriptName;
import java.util.Optional;

/** The file-name parser: a name, nothing (not a .sql file), or INVALID_FILE_NAME naming the file. */
class ScriptNameFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parsesOrNamesTheFileAndWhy(@NotNull String fileName) {
        Optional<ScriptName> name;
        try {
            name = ScriptName.parse(fileName);
        } catch (MigrationException e) {
            assertThat(e.code()).isEqualTo(MigrationErrorCode.INVALID_FILE_NAME);
            assertThat(e.getMessage()).startsWith(fileName + ": ");
            return;
        }
        name.ifPresent(n -> {
            assertThat(n.fileName()).isEqualTo(fileName);
            assertThat(n.version() == null).isEqualTo(n.type() == dev.keelson.migrate.MigrationType.REPEATABLE);
        });
    }
}

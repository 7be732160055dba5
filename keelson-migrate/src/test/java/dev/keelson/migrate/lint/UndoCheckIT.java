package dev.keelson.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code undo-does-not-restore}: up then undo on a scratch database on the real local PostgreSQL, then diffed. */
class UndoCheckIT {

    private static LintReport lint(String kind, TestDatabase db) {
        Path folder = LinterRulesTest.folder("undo-does-not-restore/" + kind);
        MigratorConfig config = Migrator.configure()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .location("filesystem:" + folder)
                .build()
                .config();
        List<LintFile> files = Linter.read(folder, folder.getParent(), null);
        return Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lint(files, config);
    }

    @Test
    void anUndoFileThatForgetsAnIndexIsAnErrorNamingTheLeftover() {
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            LintReport report = lint("trigger", db);
            assertThat(report.findings())
                    .filteredOn(f -> f.rule().equals("undo-does-not-restore"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.file()).isEqualTo("trigger/U2__note.sql");
                        assertThat(f.message())
                                .isEqualTo(
                                        "after V2 and its undo, the schema differs: index users.users_email is left over");
                    });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUndoFileThatRevertsEverythingPasses() throws Exception {
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            assertThat(lint("pass", db).findings()).extracting(Finding::rule).doesNotContain("undo-does-not-restore");
        }
    }
}

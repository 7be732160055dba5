package dev.keelson.migrate.internal.database.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import dev.keelson.migrate.lint.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MongoDB lint through the public {@link Linter}, as {@code keelson db lint} runs it. */
class MongoLintTest {
    private static final LintFile V1 = new LintFile("V1__users.json", """
            [
              {"create": "users"},
              {"createIndexes": "users", "indexes": [{"key": {"email": 1}, "name": "email_1"}]},
              {"update": "users", "updates": [{"q": {}, "u": {"$set": {"a": 1}}}]}
            ]
            """, false);

    private static List<String> lint(String serverVersion, LintFile... files) {
        return lintReport(serverVersion, files).findings().stream()
                .map(f -> f.file() + ":" + f.line() + " " + f.rule() + " "
                        + f.severity().label())
                .toList();
    }

    private static LintReport lintReport(String serverVersion, LintFile... files) {
        return Linter.of(new LintConfig(LintDialect.MONGODB, serverVersion, Map.of()))
                .lint(List.of(files));
    }

    private static LintFile checked(String name, String text) {
        return new LintFile(name, text, true);
    }

    @Test
    void whatAFileDoesToACollectionItCreatedIsNoFinding() {
        assertThat(lint(null, new LintFile(V1.path(), V1.content(), true))).isEmpty();
    }

    @Test
    void anIndexBuildOnAnExistingCollectionBlocksBefore42AndWarnsAfter() {
        LintFile v2 = checked("V2__index.json", """
                [
                  {"createIndexes": "users", "indexes": [{"key": {"name": 1}, "name": "name_1"}]}
                ]
                """);

        assertThat(lint("7.0.5", V1, v2))
                .containsExactly("V2__index.json:2 mongo-index-on-existing-collection warning");
        assertThat(lint(null, V1, v2)).containsExactly("V2__index.json:2 mongo-index-on-existing-collection warning");
        assertThat(lint("4.0.28", V1, v2)).containsExactly("V2__index.json:2 mongo-index-blocking error");
        assertThat(lint(
                        "4.0.28",
                        V1,
                        checked(
                                "V2__index.json",
                                v2.content().replace("\"name_1\"", "\"name_1\", \"background\": true"))))
                .isEmpty();
    }

    @Test
    void unfilteredWritesDropsAndRenamesOfExistingCollectionsAreFound() {
        LintFile v2 = checked("V2__cleanup.json", """
                [
                  {"update": "users", "updates": [{"q": {}, "u": {"$set": {"b": 1}}, "multi": true}]},
                  {"delete": "users", "deletes": [{"q": {"old": true}, "limit": 0}, {"limit": 0}]},
                  {"dropIndexes": "users", "index": "email_1"},
                  {"renameCollection": "app.users", "to": "app.people"},
                  {"drop": "people"}
                ]
                """);

        assertThat(lint(null, V1, v2))
                .containsExactly(
                        "V2__cleanup.json:2 mongo-write-without-filter error",
                        "V2__cleanup.json:3 mongo-write-without-filter error",
                        "V2__cleanup.json:4 mongo-drop error",
                        "V2__cleanup.json:5 mongo-rename-collection warning",
                        "V2__cleanup.json:6 mongo-drop error");
    }

    @Test
    void dropsInUndoFilesAreTheirJob() {
        assertThat(lint(null, V1, checked("U1__users.json", "[ {\"drop\": \"users\"} ]")))
                .isEmpty();
    }

    @Test
    void aValidatorIsEnforcedOnlyAfterAWarnStep() {
        String validator = "{\"$jsonSchema\": {\"required\": [\"email\"]}}";
        LintFile direct =
                checked("V2__validate.json", "[ {\"collMod\": \"users\", \"validator\": " + validator + "} ]");
        LintFile warn = new LintFile(
                "V2__validate.json",
                "[ {\"collMod\": \"users\", \"validator\": " + validator + ", \"validationAction\": \"warn\"} ]",
                true);
        LintFile enforce = checked(
                "V3__enforce.json",
                "[ {\"collMod\": \"users\", \"validator\": " + validator + ", \"validationAction\": \"error\"} ]");

        assertThat(lint(null, V1, direct)).containsExactly("V2__validate.json:1 mongo-validator-without-warn error");
        assertThat(lint(null, V1, warn, enforce)).isEmpty();
        assertThat(lint(
                        null,
                        V1,
                        warn,
                        checked("V3__enforce.json", enforce.content().replace("email", "name"))))
                .containsExactly("V3__enforce.json:1 mongo-validator-without-warn error");
    }

    @Test
    void aCommentWithRuleAndReasonSilencesTheCommandItStandsInOrBefore() {
        LintReport report = lintReport(null, V1, checked("V2__fill.json", """
                [
                  // keelson:lint-ignore mongo-write-without-filter every user gets the default, once
                  {"update": "users", "updates": [{"q": {}, "u": {"$set": {"c": 1}}}]},
                  {"delete": "users",
                   // keelson:lint-ignore mongo-write-without-filter
                   "deletes": [{"q": {}, "limit": 0}]},
                  // keelson:lint-ignore mongo-no-such-rule because
                  {"insert": "users", "documents": [{"_id": 1}]}
                ]
                """));

        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.findings())
                .extracting(Finding::line, Finding::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "mongo-write-without-filter"),
                        org.assertj.core.groups.Tuple.tuple(5, "lint-ignore-without-reason"),
                        org.assertj.core.groups.Tuple.tuple(7, "lint-ignore-without-reason"));
    }

    @Test
    void severitiesAreConfigurableAsForSql() {
        LintFile v2 = checked("V2__x.json", "[ {\"drop\": \"users\"} ]");
        LintReport report = Linter.of(new LintConfig(LintDialect.MONGODB, null, Map.of("mongo-drop", Severity.WARNING)))
                .lint(List.of(V1, v2));

        assertThat(report.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(Linter.rules()).extracting(r -> r.id()).contains("mongo-drop", "mongo-validator-without-warn");
    }
}

package dev.keelson.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The linter's behaviour beyond single rules: lines, suppression, severities, checked files, versions. */
class LinterTest {

    private static LintReport pg(LintFile... files) {
        return Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lint(List.of(files));
    }

    private static LintFile file(String name, String sql) {
        return new LintFile(name, sql, true);
    }

    @Test
    void aFindingNamesTheLineOfTheStatementAndTheTable() {
        LintReport report = LinterRulesTest.lint("pg-index-not-concurrent", "trigger");
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("trigger/V2__index_email.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).isEqualTo("CREATE INDEX on existing table users without CONCURRENTLY");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void anActionOnALaterLineIsReportedOnItsOwnLine() {
        LintReport report = LinterRulesTest.lint("pg-add-not-null-column-without-default", "trigger");
        assertThat(report.findings()).singleElement().extracting(Finding::line).isEqualTo(2);
    }

    @Test
    void aSuppressionWithAReasonSilencesOnlyTheNextStatement() {
        LintReport report = pg(
                file("V1__a.sql", "CREATE TABLE t (a int, b int);"),
                file("U1__a.sql", "DROP TABLE t;"),
                file(
                        "V2__b.sql",
                        "-- keelson:lint-ignore drop-table-or-column a unused since 4.2\n"
                                + "ALTER TABLE t DROP COLUMN a;\nALTER TABLE t DROP COLUMN b;\n"),
                file("U2__b.sql", "SELECT 1;"));
        assertThat(report.findings()).extracting(Finding::message).containsExactly("column t.b dropped");
        assertThat(report.suppressed()).isEqualTo(1);
    }

    @Test
    void aSuppressionNamingAnUnknownRuleIsAnError() {
        LintReport report = pg(
                file("V1__a.sql", "-- keelson:lint-ignore no-such-rule because\nSELECT 1;"),
                file("U1__a.sql", "SELECT 1;"));
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("lint-ignore-without-reason");
    }

    @Test
    void aConfiguredSeverityReplacesTheDefaultAndOffDisablesTheRule() {
        List<LintFile> files = List.of(file("V1__a.sql", "UPDATE t SET a = 1;"));
        LintReport warned = Linter.of(new LintConfig(
                        LintDialect.POSTGRESQL,
                        null,
                        Map.of("data-change-without-where", Severity.WARNING, "missing-undo", Severity.OFF)))
                .lint(files);
        assertThat(warned.findings())
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(warned.errors()).isZero();
    }

    @Test
    void anUnknownRuleInTheSeveritiesIsRefused() {
        assertThatThrownBy(() -> Linter.of(new LintConfig(LintDialect.POSTGRESQL, null, Map.of("nope", Severity.OFF))))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("No lint rule 'nope'; the rules are: pg-index-not-concurrent,");
    }

    @Test
    void onlyCheckedFilesAreReportedButEarlierFilesMakeTablesExist() {
        LintReport report = Linter.of(LintConfig.of(LintDialect.POSTGRESQL))
                .lint(List.of(
                        new LintFile("V1__a.sql", "CREATE TABLE t (a int); UPDATE t SET a = 1;", false),
                        new LintFile("V2__b.sql", "CREATE INDEX t_a ON t (a);", true),
                        new LintFile("U2__b.sql", "DROP INDEX t_a;", true)));
        assertThat(report.checkedFiles()).containsExactly("V2__b.sql", "U2__b.sql");
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("pg-index-not-concurrent");
    }

    @Test
    void keywordsInsideStringsCommentsAndQuotedNamesAreNotStatements() {
        LintReport report = pg(
                file(
                        "V1__a.sql",
                        "CREATE TABLE t (a text);\n"
                                + "INSERT INTO t VALUES ('DROP TABLE t; UPDATE t SET a = 1');\n"
                                + "/* CREATE INDEX x ON t (a); */ SELECT \"DELETE\" FROM t;\n"),
                file("U1__a.sql", "DROP TABLE t;"));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void widenedVarcharCopiesWhenTheLengthPrefixGrowsOnMysqlAndOnMariaDb() {
        LintFile v1 = file("V1__a.sql", "CREATE TABLE t (id int PRIMARY KEY, s varchar(40));");
        LintFile v2 = file("V2__b.sql", "ALTER TABLE t MODIFY s varchar(100);");
        List<LintFile> files = List.of(v1, v2, file("U1__a.sql", "DROP TABLE t;"), file("U2__b.sql", "SELECT 1;"));
        LintReport mysql = Linter.of(LinterRulesTest.mysql("8.0.36")).lint(files);
        LintReport mariadb = Linter.of(LinterRulesTest.mysql("10.11.6-MariaDB")).lint(files);
        assertThat(mysql.findings())
                .extracting(Finding::message)
                .containsExactly(
                        "ALTER TABLE t copies the table on MySQL 8.0.36: widening s from varchar(40) to varchar(100) changes the length prefix");
        // MariaDB's instant VARCHAR extension stops at the length prefix too (checked in MysqlTableCopyRulesIT)
        assertThat(mariadb.findings())
                .extracting(Finding::message)
                .containsExactly("ALTER TABLE t copies the table on"
                        + " MariaDB 10.11.6: widening s from varchar(40) to varchar(100) changes the length prefix");
    }

    @Test
    void aForeignKeyCopiesUnlessForeignKeyChecksAreOff() {
        LintFile v1 =
                file("V1__a.sql", "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int);");
        LintFile u1 = file("U1__a.sql", "DROP TABLE c; DROP TABLE p;");
        String fk = "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p) REFERENCES p (id);";
        LintReport on = Linter.of(LinterRulesTest.mysql("10.11.6-MariaDB"))
                .lint(List.of(v1, u1, file("V2__b.sql", fk), file("U2__b.sql", "SELECT 1;")));
        LintReport off = Linter.of(LinterRulesTest.mysql("10.11.6-MariaDB"))
                .lint(List.of(
                        v1,
                        u1,
                        file("V2__b.sql", "SET foreign_key_checks = 0;\n" + fk),
                        file("U2__b.sql", "SELECT 1;")));
        assertThat(on.findings()).extracting(Finding::rule).containsExactly("mysql-table-copy");
        assertThat(off.findings()).isEmpty();
    }

    @Test
    void everyAlterCopiesOnAServerWithoutOnlineDdl() {
        List<LintFile> files = List.of(
                file("V1__a.sql", "CREATE TABLE t (id int PRIMARY KEY);"),
                file("U1__a.sql", "DROP TABLE t;"),
                file("V2__b.sql", "ALTER TABLE t ADD COLUMN n int;"),
                file("U2__b.sql", "SELECT 1;"));
        assertThat(Linter.of(LinterRulesTest.mysql("5.5.62")).lint(files).findings())
                .extracting(Finding::rule)
                .containsExactly("mysql-table-copy");
        assertThat(Linter.of(LinterRulesTest.mysql("5.7.44")).lint(files).findings())
                .isEmpty();
    }

    private static LintFile applied(String name, String sql) {
        return new LintFile(name, sql, false);
    }

    private static LintReport pgRun(LintFile... files) {
        return Linter.of(LintConfig.of(LintDialect.POSTGRESQL)).lintRun(List.of(files));
    }

    @Test
    void inOneRunATableAnEarlierFileCreatesOrRenamesIsNewButOneAlreadyAppliedExists() {
        LintFile create = file("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, x int);");
        LintFile index = file(
                "V2__t_x.sql",
                "CREATE INDEX t_x ON t (x);\nALTER TABLE t RENAME TO u;\n"
                        + "UPDATE u SET x = 1;\nALTER TABLE u ADD COLUMN y int NOT NULL;");
        assertThat(pgRun(create, index).findings()).extracting(Finding::rule).containsOnly("missing-undo");
        assertThat(pgRun(applied("V1__t.sql", create.content()), index).findings())
                .extracting(Finding::rule)
                .contains("pg-index-not-concurrent", "rename-table-or-column", "data-change-without-where");
        assertThat(pg(create, index).findings())
                .as("each file its own deploy")
                .extracting(Finding::rule)
                .contains("pg-index-not-concurrent");
    }

    @Test
    void appliedFilesGiveThePendingRunTheirColumnTypesAndChecksButNoNewTables() {
        // as migrate hands them over: applied files and every undo file unchecked, the pending files checked
        LintFile v1 = applied(
                "V1__t.sql",
                "-- applied: a table with rows, an index, a checked column\n"
                        + "CREATE TABLE t (id int PRIMARY KEY, s varchar(50), x int);\n"
                        + "CREATE INDEX t_s ON t (s);\nINSERT INTO t VALUES (1, 'a;b', 2);\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_x CHECK (x IS NOT NULL) NOT VALID;");
        LintFile v2 = applied(
                "V2__validate.sql", "UPDATE t SET x = 0 WHERE x IS NULL;\nALTER TABLE t VALIDATE CONSTRAINT t_x;");
        LintFile u2 = applied("U2__validate.sql", "ALTER TABLE t ALTER COLUMN s TYPE varchar(10);");
        LintFile v3 = file(
                "V3__pending.sql",
                "ALTER TABLE t ALTER COLUMN s TYPE varchar(80);\nALTER TABLE t ALTER COLUMN x SET NOT NULL;\n"
                        + "ALTER TABLE t ALTER COLUMN s TYPE varchar(20);\nCREATE INDEX t_x ON t (x);\n"
                        + "CREATE TABLE u (id int PRIMARY KEY, t_id int);");
        LintFile v4 = file("V4__pending.sql", "CREATE INDEX u_t ON u (t_id);");
        List<LintFile> undo = List.of(applied("U3__pending.sql", "SELECT 1;"), applied("U4__pending.sql", "SELECT 1;"));

        List<LintFile> files = new java.util.ArrayList<>(List.of(v1, v2, u2, v3, v4));
        files.addAll(undo);
        LintReport report = pgRun(files.toArray(LintFile[]::new));

        // widening varchar(50) (known from V1, not V1's undo-file view) passes; shrinking it rewrites; SET NOT NULL
        // after V2's validated check passes; the index on V1's table is on an existing table, the one on u is not
        assertThat(report.findings())
                .extracting(f -> f.file() + ":" + f.line() + " " + f.rule() + ": " + f.message())
                .containsExactly(
                        "V3__pending.sql:3 pg-type-change-rewrites-table: type of t.s changed from varchar(80) to"
                                + " varchar(20)",
                        "V3__pending.sql:4 pg-index-not-concurrent: CREATE INDEX on existing table t without"
                                + " CONCURRENTLY");
        assertThat(report.checkedFiles()).containsExactly("V3__pending.sql", "V4__pending.sql");
    }

    @Test
    void aRunThatAltersNoTableStillTellsAppliedTablesFromTablesItCreates() {
        // no pending ALTER: the applied files are not read, only their order and names count
        LintFile v1 = applied(
                "V1__t.sql",
                "CREATE TABLE t (id int PRIMARY KEY, x int);\nINSERT INTO t VALUES (1, 2);\nCREATE INDEX t_x ON t (x);");
        LintFile v2 = file("V2__index_t.sql", "CREATE INDEX t_id_x ON t (id, x);\nCREATE TABLE u (id int, t_id int);");
        LintFile v3 = file("V3__index_u.sql", "CREATE INDEX u_t ON u (t_id);\nINSERT INTO u VALUES (1, 1);");
        LintFile r1 = applied("R__a_view.sql", "CREATE OR REPLACE VIEW tv AS SELECT id FROM t;");
        LintFile r2 = file("R__b_index.sql", "CREATE INDEX u_id ON u (id);");

        LintReport report = pgRun(v1, v2, v3, r1, r2, applied("U2__index_t.sql", "DROP TABLE u;"));

        // R__b_index.sql runs after R__a_view.sql, which is applied already: the run's tables are existing by then
        assertThat(report.findings())
                .extracting(f -> f.file() + ":" + f.line() + " " + f.rule())
                .containsExactly(
                        "R__b_index.sql:1 pg-index-not-concurrent",
                        "V2__index_t.sql:1 pg-index-not-concurrent",
                        "V3__index_u.sql:1 missing-undo");
    }

    @Test
    void anUndoFileSeesNoNewTableEvenInOneRun() {
        LintReport report = pgRun(
                file("V1__t.sql", "CREATE TABLE t (id int);"),
                file("U1__t.sql", "ALTER TABLE t ADD COLUMN x int NOT NULL;\nDROP TABLE t;"));
        assertThat(report.findings())
                .extracting(Finding::rule)
                .containsExactly("pg-add-not-null-column-without-default");
    }

    @Test
    void aFileCutShortIsAParseErrorNamingTheFileAndLine() {
        assertThatThrownBy(() -> pg(file("V4__broken.sql", "-- cut\nCREATE TABLE broken (")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("V4__broken.sql line 2: the statement ends with 1 '(' not closed");
        assertThatThrownBy(() -> pg(file("V5__broken.sql", "SELECT 1);")))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("V5__broken.sql line 1: a ')' closes no '('");
    }

    @Test
    void aRenamedColumnKeepsItsType() {
        LintReport report = pg(
                file("V1__t.sql", "CREATE TABLE t (image bytea, size varchar(20));"),
                file(
                        "V2__r.sql",
                        "-- keelson:lint-ignore rename-table-or-column fixture\n"
                                + "ALTER TABLE t RENAME COLUMN image TO icon;\n"
                                + "-- keelson:lint-ignore rename-table-or-column fixture\n"
                                + "ALTER TABLE t RENAME size TO label;\n"
                                + "ALTER TABLE t ALTER COLUMN icon TYPE bytea, ALTER COLUMN label TYPE varchar(40);"));
        assertThat(report.findings()).extracting(Finding::rule).containsOnly("missing-undo");
    }

    @Test
    void aChangeToTextRewritesWhenTheOldTypeIsNotBinaryCoercible() {
        LintReport report = pg(
                file("V1__t.sql", "CREATE TABLE t (n int, s varchar(20));"),
                file("V2__t.sql", "ALTER TABLE t ALTER COLUMN n TYPE text, ALTER COLUMN s TYPE text;"));
        assertThat(report.findings())
                .extracting(Finding::message)
                .contains("type of t.n changed from int to text")
                .noneMatch(m -> m.contains("t.s changed"));
    }

    @Test
    void linesAreCountedAsTheSplitterCountsThemWithOldMacLineBreaks() {
        LintReport report = pg(
                file("V1__t.sql", "CREATE TABLE t (id int);"),
                file("U1__t.sql", "DROP TABLE t;"),
                file("V2__t.sql", "-- one\rALTER TABLE t\r  ADD COLUMN x int NOT NULL;"),
                file("U2__t.sql", "SELECT 1;"));
        assertThat(report.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(3));
    }
}

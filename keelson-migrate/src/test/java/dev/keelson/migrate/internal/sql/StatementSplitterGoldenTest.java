package dev.keelson.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script of the golden corpus (see {@link SplitterCorpus}) and compares with its expected file. After a
 * deliberate change, {@code -Dsplitter.golden.update=true} rewrites the expected files in the source tree; review
 * the diff before committing it.
 */
class StatementSplitterGoldenTest {

    static Stream<SplitterCorpus> corpus() {
        return SplitterCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void splitsEachCorpusScriptIntoItsExpectedStatements(SplitterCorpus corpus) throws IOException {
        String actual = corpus.actualText();
        if (Boolean.getBoolean("splitter.golden.update")) {
            Path source = Path.of(
                    "src/test/resources/splitter",
                    SplitterCorpus.folder(corpus.rules()),
                    corpus.expectedFile().getFileName().toString());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as(corpus.toString()).isEqualTo(corpus.expectedText());
    }

    /** The constructs that break statement splitters in the wild, each in at least one runnable script per dialect. */
    static Stream<Arguments> constructs() {
        return Stream.of(
                Arguments.of(
                        Client.POSTGRESQL,
                        "a tagged dollar quote",
                        "\\$[A-Za-z_]+\\$[\\s\\S]*;[\\s\\S]*\\$[A-Za-z_]+\\$"),
                Arguments.of(
                        Client.POSTGRESQL,
                        "nested CASE ... END in BEGIN ATOMIC",
                        "(?i)BEGIN ATOMIC[\\s\\S]*CASE[\\s\\S]*CASE[\\s\\S]*END[\\s\\S]*END;"),
                Arguments.of(
                        Client.POSTGRESQL,
                        "COPY ... FROM STDIN with data",
                        "(?i)COPY [^;]*FROM STDIN[^;]*;\\n[^\\n]*;"),
                Arguments.of(Client.POSTGRESQL, "a quoted identifier with a semicolon", "\"[^\"\\n]*;[^\"\\n]*\""),
                Arguments.of(Client.MYSQL, "DELIMITER", "(?im)^DELIMITER \\S+$"),
                Arguments.of(Client.MYSQL, "a /*!50001 version comment", "/\\*!50001 [^*]*\\*/;"),
                Arguments.of(Client.MYSQL, "a quoted identifier with a semicolon", "`[^`\\n]*;[^`\\n]*`"),
                Arguments.of(
                        Client.SQLITE,
                        "a quoted identifier with a semicolon",
                        "(\\[[^\\]\\n]*;[^\\]\\n]*\\])|(\"[^\"\\n]*;[^\"\\n]*\")"),
                Arguments.of(
                        Client.SQLITE,
                        "BEGIN ... END with CASE ... END inside",
                        "(?i)BEGIN[\\s\\S]*CASE[\\s\\S]*END[\\s\\S]*END;"),
                Arguments.of(Client.H2, "a $$ body with semicolons", "\\$\\$[\\s\\S]*;[\\s\\S]*\\$\\$"),
                Arguments.of(Client.H2, "a quoted identifier with a semicolon", "\"[^\"\\n]*;[^\"\\n]*\""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("constructs")
    void theCorpusOfEachDialectHasTheConstructsThatBreakSplitters(Client rules, String what, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertThat(SplitterCorpus.of(rules).filter(c -> !c.expectsError()).map(SplitterCorpus::scriptText))
                .as("a runnable %s corpus script with %s", rules, what)
                .anyMatch(text -> pattern.matcher(text).find());
    }
}

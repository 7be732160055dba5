package dev.keelson.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
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
            Path source = Path.of("src/test/resources/splitter", SplitterCorpus.folder(corpus.rules()),
                    corpus.expectedFile().getFileName().toString());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as(corpus.toString()).isEqualTo(corpus.expectedText());
    }
}

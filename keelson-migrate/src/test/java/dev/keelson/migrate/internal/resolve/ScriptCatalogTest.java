package dev.keelson.migrate.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCatalogTest {
    @TempDir
    Path dir;

    private ScriptCatalog load() {
        return ScriptCatalog.load(List.of(dir.toString()), getClass().getClassLoader());
    }

    @Test
    void aFlywayFolderWithSubfoldersAndOtherFilesIsRead() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("sub/V1.1__b.sql"), "SELECT 2;");
        Files.writeString(dir.resolve("R__views.sql"), "SELECT 3;");
        Files.writeString(dir.resolve("README.md"), "notes");
        ScriptCatalog catalog = load();
        assertThat(catalog.versioned().values())
                .extracting(MigrationScript::fileName)
                .containsExactly("V1__a.sql", "V1.1__b.sql");
        assertThat(catalog.repeatable()).containsKey("views");
    }

    @Test
    void twoFilesWithOneVersionAreAnError() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("V1.0__b.sql"), "");
        assertThatThrownBy(this::load)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Two files have version 1")
                .hasMessageContaining("V1__a.sql")
                .hasMessageContaining("V1.0__b.sql")
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.DUPLICATE_VERSION));
    }

    @Test
    void twoRepeatablesWithOneDescriptionAreAnError() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("R__views.sql"), "");
        Files.writeString(dir.resolve("a/R__views.sql"), "");
        assertThatThrownBy(this::load).hasMessageContaining("Two files have repeatable description 'views'");
    }

    @Test
    void aBadlyNamedSqlFileInAFolderStopsTheLoadNamingIt() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("V2-b.sql"), "");
        assertThatThrownBy(this::load).hasMessageStartingWith("V2-b.sql: no '__'");
    }

    @Test
    void anUndoFileWithoutItsVersionedFileIsAnError() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("U2__b.sql"), "");
        assertThatThrownBy(this::load).hasMessageContaining("U2__b.sql: undo file without a versioned file V2__*.sql");
    }

    @Test
    void aLinkToAFileIsReadAndALinkToAFolderIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        Files.writeString(elsewhere.resolve("V1__linked.sql"), "SELECT 1;");
        Files.writeString(elsewhere.resolve("V2__in_linked_folder.sql"), "SELECT 2;");
        Files.createSymbolicLink(dir.resolve("V1__linked.sql"), elsewhere.resolve("V1__linked.sql"));
        Files.createSymbolicLink(dir.resolve("linked-folder"), elsewhere);
        assertThat(load().versioned().values())
                .extracting(MigrationScript::fileName)
                .containsExactly("V1__linked.sql");
    }

    @Test
    void textIsDecodedAsUtf8AndAFileThatIsNotUtf8StopsTheLoad() throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "INSERT INTO t VALUES ('café');");
        assertThat(load().versioned().values())
                .extracting(MigrationScript::content)
                .containsExactly("INSERT INTO t VALUES ('café');");
        Files.write(dir.resolve("V2__latin1.sql"), new byte[] {'\'', (byte) 0xE9, '\'', ';'});
        assertThatThrownBy(this::load).isInstanceOf(MigrationException.class).hasMessageContaining("V2__latin1.sql");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> ScriptCatalog.load(
                        List.of("filesystem:" + dir.resolve("nope")), getClass().getClassLoader()))
                .hasMessageContaining("does not exist")
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.LOCATION_NOT_FOUND));
    }

    @Test
    void anUnknownLocationPrefixIsRejected() {
        assertThatThrownBy(() ->
                        ScriptCatalog.load(List.of("s3:bucket/x"), getClass().getClassLoader()))
                .hasMessageContaining("unknown prefix: use filesystem:PATH or classpath:PATH");
    }
}

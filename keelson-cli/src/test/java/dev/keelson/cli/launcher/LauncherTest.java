package dev.keelson.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void itIsAJava8ClassFileSoThatOldJavasCanLoadIt() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(52);
        }
    }

    @Test
    void readsTheFeatureReleaseOfEveryVersionScheme() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("21")).isEqualTo(21);
        assertThat(Launcher.feature("25-ea")).isEqualTo(25);
        assertThat(Launcher.feature("")).isZero();
    }

    @Test
    void theMessageNamesTheJavaFoundAndWhatToInstall() {
        assertThat(Launcher.tooOld(17, "/usr/lib/jvm/java-17"))
                .startsWith(
                        "keelson needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17).\nInstall a JDK 21+ ");
    }
}

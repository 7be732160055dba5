package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PluginJarTest {
    private static final String DESCRIPTOR = """
            <plugin>
              <groupId>dev.keelson</groupId>
              <artifactId>keelson-maven-plugin</artifactId>
              <version>0.1.0-SNAPSHOT</version>
              <dependencies><dependency><version>0.1.0-SNAPSHOT</version></dependency></dependencies>
            </plugin>
            """;

    @Test
    void theDescriptorNamesTheVersionTheJarIsPutUnderAndNothingElseChanges() throws IOException {
        byte[] jar = jar(Map.of(PluginJar.DESCRIPTOR, DESCRIPTOR, "dev/keelson/maven/MigrateMojo.class", "bytes"));

        Map<String, String> renamed = entries(PluginJar.withVersion(jar, "0.1.0-SNAPSHOT", "0.1.0-dev.1a2b3c4d"));

        assertThat(renamed.get(PluginJar.DESCRIPTOR))
                .contains("<artifactId>keelson-maven-plugin</artifactId>\n" + "  <version>0.1.0-dev.1a2b3c4d</version>")
                .contains("<dependency><version>0.1.0-SNAPSHOT</version></dependency>");
        assertThat(renamed.get("dev/keelson/maven/MigrateMojo.class")).isEqualTo("bytes");
    }

    @Test
    void aReleaseKeepsItsJarAsItIs() throws IOException {
        byte[] jar = jar(Map.of(PluginJar.DESCRIPTOR, DESCRIPTOR));
        assertThat(PluginJar.withVersion(jar, "0.1.0", "0.1.0")).isSameAs(jar);
    }

    @Test
    void aDescriptorWithoutTheVersionIsABrokenBundle() {
        assertThatThrownBy(() -> PluginJar.descriptor("<plugin/>", "0.1.0-SNAPSHOT", "x"))
                .hasMessageContaining("names no version 0.1.0-SNAPSHOT");
    }

    private static byte[] jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> entries(byte[] jar) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}

package dev.keelson.scaffold;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * keelson-maven-plugin's jar under another version. Maven refuses a plugin whose descriptor
 * ({@code META-INF/maven/plugin.xml}) names another version than the one it was resolved as, and a development build
 * of Keelson puts its jars into a project under a content-named version ({@code 0.1.0-dev.1a2b3c4d}, see
 * {@link ProjectFiles#migrateVersion()}), so the descriptor's own {@code <version>} is rewritten to match.
 */
final class PluginJar {
    static final String DESCRIPTOR = "META-INF/maven/plugin.xml";

    private PluginJar() {}

    /** The jar with the descriptor's version {@code from} replaced by {@code to}; every other entry as it was. */
    static byte[] withVersion(byte[] jar, String from, String to) {
        if (from.equals(to)) {
            return jar;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(DESCRIPTOR)) {
                    content = descriptor(new String(content, StandardCharsets.UTF_8), from, to)
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("keelson-maven-plugin's jar in keelson-scaffold is damaged", e);
        }
        return out.toByteArray();
    }

    /** The plugin's own version is the first {@code <version>} of the descriptor, right after its artifactId. */
    static String descriptor(String xml, String from, String to) {
        String tag = "<version>" + from + "</version>";
        int at = xml.indexOf(tag);
        if (at < 0) {
            throw new IllegalStateException(DESCRIPTOR + " of keelson-maven-plugin names no version " + from);
        }
        return xml.substring(0, at) + "<version>" + to + "</version>" + xml.substring(at + tag.length());
    }
}

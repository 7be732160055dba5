package dev.keelson.scaffold;

import java.nio.charset.StandardCharsets;

/**
 * One file of a generated project.
 *
 * @param path       relative to the project folder, {@code /} separators
 * @param content    its bytes
 * @param executable true for scripts ({@code mvnw})
 */
record ProjectFile(String path, byte[] content, boolean executable) {
    static ProjectFile text(String path, String content) {
        return new ProjectFile(path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}

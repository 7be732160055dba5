package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The body {@code --data} sends: the text as given (UTF-8), or with {@code @FILE} the file's bytes unchanged,
 * binary or text, and a Content-Type from its extension (used only when no {@code Content-Type} header is given).
 *
 * @param text        the text body, or {@code null} for a file
 * @param bytes       the file's bytes, or {@code null} for text
 * @param contentType the type the file's extension implies, or {@code null}
 */
record RequestBody(String text, byte[] bytes, String contentType) {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("graphql", "application/graphql"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("bin", "application/octet-stream"),
            Map.entry("pb", "application/x-protobuf"),
            Map.entry("proto", "application/x-protobuf"),
            Map.entry("cbor", "application/cbor"),
            Map.entry("msgpack", "application/msgpack"),
            Map.entry("form", "application/x-www-form-urlencoded"));

    /** Reads {@code --data}; prints a hint to {@code env}'s standard error when plain text names an existing file. */
    static RequestBody of(String data, CliEnvironment env) {
        if (!data.startsWith("@")) {
            if (!data.isBlank() && !data.contains("\n") && Files.isRegularFile(env.resolve(data))) {
                env.err()
                        .println("hint: --data sends the text '" + data
                                + "'; to send the file's contents write --data @" + data);
            }
            return new RequestBody(data, null, null);
        }
        Path file = env.resolve(data.substring(1));
        return new RequestBody(null, read(data, file), TYPES.getOrDefault(extension(file), "application/octet-stream"));
    }

    private static byte[] read(String data, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw usage("--data " + data + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + "); give an existing file after @");
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static LoadException usage(String message) {
        return new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}

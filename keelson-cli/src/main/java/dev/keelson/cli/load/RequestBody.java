package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.ErrorCode;
import dev.keelson.load.LoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The body {@code --data} sends: the text as given, or with {@code @FILE} the file's bytes unchanged and a
 * Content-Type from its extension (used only when no {@code Content-Type} header is given).
 *
 * @param text        the body
 * @param contentType the type the file's extension implies, or {@code null}
 */
record RequestBody(String text, String contentType) {
    private static final Map<String, String> TYPES = Map.of(
            "json",
            "application/json",
            "xml",
            "application/xml",
            "txt",
            "text/plain; charset=utf-8",
            "csv",
            "text/csv",
            "html",
            "text/html; charset=utf-8",
            "yaml",
            "application/yaml",
            "yml",
            "application/yaml",
            "graphql",
            "application/graphql");

    /** Reads {@code --data}; prints a hint to {@code env}'s standard error when plain text names an existing file. */
    static RequestBody of(String data, CliEnvironment env) {
        if (!data.startsWith("@")) {
            if (!data.isBlank() && !data.contains("\n") && Files.isRegularFile(env.resolve(data))) {
                env.err()
                        .println("hint: --data sends the text '" + data
                                + "'; to send the file's contents write --data @" + data);
            }
            return new RequestBody(data, null);
        }
        Path file = env.resolve(data.substring(1));
        return new RequestBody(read(data, file), TYPES.getOrDefault(extension(file), "application/octet-stream"));
    }

    /** The file as text that encodes back to exactly its bytes: UTF-8, which the request is written in. */
    private static String read(String data, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw usage("--data " + data + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw usage("--data " + data + ": " + file + " is not UTF-8 text; binary bodies are not supported");
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static LoadException usage(String message) {
        return new LoadException(ErrorCode.BAD_CONFIG, message);
    }
}

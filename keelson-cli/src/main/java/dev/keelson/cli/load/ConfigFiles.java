package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code load kubernetes --file}s into what a ConfigMap holds: text as {@code data}, the rest as binaryData. */
final class ConfigFiles {
    /** A ConfigMap's keys. */
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    /** A ConfigMap holds at most 1 MiB, keys and all; leave room for them. */
    private static final long LIMIT = 1_000_000;

    private ConfigFiles() {}

    static ShardedRun.WorkingFiles read(List<String> files, CliEnvironment env) {
        Map<String, String> text = new TreeMap<>(), binary = new TreeMap<>();
        long size = 0;
        for (String name : files) {
            Path file = env.resolve(name);
            String key = file.getFileName().toString();
            if (!KEY.matcher(key).matches()) {
                throw bad("--file " + name + ": a ConfigMap key is letters, digits, '-', '_' and '.'; rename the file");
            }
            if (text.containsKey(key) || binary.containsKey(key)) {
                throw bad("--file " + name + ": another --file is also named " + key + "; the shards see files by"
                        + " name alone, so rename one");
            }
            byte[] bytes = bytes(file, name);
            size += bytes.length;
            if (size > LIMIT) {
                throw bad("--file " + name + ": the files hold " + size + " bytes, over the 1 MiB a ConfigMap holds;"
                        + " put large files into the image instead");
            }
            try {
                text.put(
                        key,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(ByteBuffer.wrap(bytes))
                                .toString());
            } catch (CharacterCodingException e) {
                binary.put(key, Base64.getEncoder().encodeToString(bytes));
            }
        }
        return new ShardedRun.WorkingFiles(text, binary);
    }

    private static byte[] bytes(Path file, String name) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw bad("--file " + name + " cannot be read: " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
    }

    private static LoadException bad(String message) {
        return new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}

package dev.keelson.migrate.internal.database.mongodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * One database command of a migration file, as MongoDB's {@code runCommand} takes it: the first key names the
 * command ({@code createIndexes}, {@code update}, ...), its value usually the collection.
 *
 * @param position its 1-based place in the file
 * @param line     the line of the file where it starts
 * @param endLine  the line where it ends
 * @param body     the command document, placeholders replaced
 */
record Command(int position, int line, int endLine, BsonDocument body) {
    static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final JsonWriterSettings SHOWN =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** The command's name: the first key. */
    String name() {
        return body.getFirstKey();
    }

    /** The collection the command names, when its first value is a string; else empty. */
    String collection() {
        BsonValue first = body.get(name());
        return first.isString() ? first.asString().getValue() : "";
    }

    /** The exact command as it runs, in MongoDB's relaxed Extended JSON on one line. */
    String json() {
        return body.toJson(SHOWN);
    }

    /** A short hash of the command in canonical Extended JSON, recorded per command for resuming a file. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(body.toJson(CANONICAL).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where it is, for messages: {@code command 2 (line 14, createIndexes)}. */
    String where() {
        return "command " + position + " (line " + line + ", " + name() + ")";
    }
}

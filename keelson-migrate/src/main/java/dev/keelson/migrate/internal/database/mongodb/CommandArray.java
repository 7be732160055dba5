package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.json.JsonParseException;

/**
 * Reads a migration file's text, a JSON array of command documents, into {@link Command}s that know their line.
 * Outside strings, {@code // ...} and {@code /* ... *}{@code /} comments are allowed (the template of {@code new}
 * explains itself with them) and count as white space. Each element is parsed by the driver's own Extended JSON
 * reader ({@link BsonDocument#parse}), so {@code {"$date": ...}}, {@code {"$oid": ...}} and the like mean what
 * they mean in {@code mongosh} and {@code mongoexport}.
 */
final class CommandArray {
    private final String file;
    private final String text;
    private int at;
    private int line = 1;

    private CommandArray(String file, String text) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The commands of {@code text}, in order.
     *
     * @throws MigrationException {@link MigrationErrorCode#JSON_PARSE_ERROR} naming {@code file}, the line and what is wrong
     */
    static List<Command> parse(String file, String text) {
        return new CommandArray(file, text).commands();
    }

    private List<Command> commands() {
        skipBlank();
        if (at >= text.length() || text.charAt(at) != '[') {
            throw error(line, "a migration file is a JSON array of commands, [ {...}, {...} ]; it must start with [");
        }
        at++;
        List<Command> commands = new ArrayList<>();
        skipBlank();
        if (peek() == ']') {
            at++;
        } else {
            while (true) {
                skipBlank();
                int start = line;
                String element = element();
                commands.add(
                        new Command(commands.size() + 1, start, line, document(commands.size() + 1, start, element)));
                skipBlank();
                char next = peek();
                at++;
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    throw error(line, "expected , or ] after command " + commands.size());
                }
            }
        }
        skipBlank();
        if (at < text.length()) {
            throw error(line, "text after the closing ] of the array");
        }
        return commands;
    }

    private BsonDocument document(int position, int startLine, String element) {
        try {
            BsonDocument body = BsonDocument.parse(element);
            if (body.isEmpty()) {
                throw error(
                        startLine, "command " + position + " is an empty document; its first key names the command");
            }
            return body;
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw error(startLine, "command " + position + " is not a valid JSON document: " + e.getMessage());
        }
    }

    /** One element, from its { to its matching }, comments blanked out. */
    private String element() {
        if (peek() != '{') {
            throw error(line, "each element of the array is a command document {...}");
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int startLine = line;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"' || c == '\'') {
                out.append(string(c));
                continue;
            }
            if (comment()) {
                out.append(' ');
                continue;
            }
            at++;
            if (c == '\n') {
                line++;
            }
            out.append(c);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return out.toString();
                }
            }
        }
        throw error(startLine, "the command starting here has no closing }");
    }

    private String string(char quote) {
        int start = at;
        int startLine = line;
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == quote) {
                return text.substring(start, at);
            } else if (c == '\n') {
                throw error(startLine, "a string that does not end on its line");
            }
        }
        throw error(startLine, "a string that does not end");
    }

    private void skipBlank() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
                at++;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (!comment()) {
                return;
            }
        }
    }

    /** Skips a comment at the cursor; false when there is none. */
    private boolean comment() {
        if (!text.startsWith("/", at) || at + 1 >= text.length()) {
            return false;
        }
        char second = text.charAt(at + 1);
        if (second == '/') {
            int end = text.indexOf('\n', at);
            at = end < 0 ? text.length() : end;
            return true;
        }
        if (second == '*') {
            int startLine = line;
            int end = text.indexOf("*/", at + 2);
            if (end < 0) {
                throw error(startLine, "a /* comment that does not end");
            }
            for (int i = at; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            at = end + 2;
            return true;
        }
        return false;
    }

    private char peek() {
        if (at >= text.length()) {
            throw error(line, "the file ends before the closing ] of the array");
        }
        return text.charAt(at);
    }

    private MigrationException error(int where, String what) {
        return new MigrationException(MigrationErrorCode.JSON_PARSE_ERROR, file + " line " + where + ": " + what);
    }
}

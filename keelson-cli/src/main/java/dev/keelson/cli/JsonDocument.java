package dev.keelson.cli;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The start of every JSON document a command prints: {@code "format"}, the version of the shapes in docs/cli.md
 * (fields may be added within a version; a field removed or changed in meaning bumps it), then {@code "command"}.
 * {@code keelson load}'s own report has its {@code "format"} too ({@code JsonReport.FORMAT}).
 */
public final class JsonDocument {
    /** The version of the documented shapes. */
    public static final int FORMAT = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonDocument() {}

    /** A document of {@code command}'s result: {@code {"format":1,"command":"..."}}. */
    public static ObjectNode of(String command) {
        return failure().put("command", command);
    }

    /** A document without a command name, for a failure: {@code {"format":1}}, its {@code "error"} added next. */
    public static ObjectNode failure() {
        return MAPPER.createObjectNode().put("format", FORMAT);
    }

    /** {@code doc} indented, as every command prints its document. */
    public static String write(ObjectNode doc) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}

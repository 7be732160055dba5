package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes table of docs/cli.md, read from the file users read, so a test fails when the two disagree. */
public final class DocumentedShapes {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`( failure)? \\| (.+) \\|$");
    private static final Pattern FIELD = Pattern.compile("`(\\w+)`");
    private static final Map<String, List<String>> SHAPES = read();

    private DocumentedShapes() {}

    /** Asserts that {@code json} is a document of {@code command} with exactly the documented top-level fields. */
    public static JsonNode assertShape(String command, String json) {
        JsonNode doc = JsonMapper.builder().build().readTree(json);
        assertThat(SHAPES).as("docs/cli.md documents " + command).containsKey(command);
        List<String> fields = new ArrayList<>(doc.propertyNames());
        List<String> documented = SHAPES.get(command);
        assertThat(documented).as(command + ": every field is documented").containsAll(fields);
        assertThat(fields).as(command + ": the documented fields are present").containsAll(required(documented));
        assertThat(doc.get("format").asInt()).isEqualTo(JsonDocument.FORMAT);
        if (!command.endsWith(" failure")) {
            assertThat(doc.get("command").asString()).isEqualTo(command);
        }
        return doc;
    }

    /** The fields before any "(and ...)" remark: the optional ones come after it. */
    private static List<String> required(List<String> documented) {
        int optional = documented.indexOf("|");
        return optional < 0 ? documented : documented.subList(0, optional);
    }

    private static Map<String, List<String>> read() {
        Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/cli.md");
        Map<String, List<String>> shapes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(docs)) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    List<String> fields = new ArrayList<>();
                    String text = row.group(3);
                    int and = text.indexOf("(and");
                    collect(and < 0 ? text : text.substring(0, and), fields);
                    if (and >= 0) {
                        fields.add("|");
                        collect(text.substring(and), fields);
                    }
                    shapes.put(row.group(1) + (row.group(2) == null ? "" : row.group(2)), fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shapes;
    }

    private static void collect(String text, List<String> fields) {
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            fields.add(field.group(1));
        }
    }
}

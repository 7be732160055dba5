package dev.keelson.load;

import dev.keelson.load.internal.HarDraft;
import dev.keelson.load.internal.OpenApiDraft;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A scenario skeleton drawn from what already exists ({@code keelson load init}): an OpenAPI 3 document, one step
 * per operation, or a browser's HAR recording, one scenario per origin and one step per request. {@link #yaml} is a
 * scenario file (docs/load.md) that {@link Scenario#load} reads; {@link #feedCsv} its CSV feed when it has columns.
 *
 * @param target scheme, host and port of every step
 * @param steps  in the document's or the recording's order
 * @param feed   feed columns (path parameters, a token) with one example value each; empty for none
 * @param notes  what could not be carried over and is left to finish by hand
 */
public record ScenarioDraft(URI target, List<DraftStep> steps, Map<String, String> feed, List<String> notes) {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE) // a pretty-printed JSON body stays as it reads
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    public ScenarioDraft {
        steps = List.copyOf(steps);
        feed = Collections.unmodifiableMap(new LinkedHashMap<>(feed));
        notes = List.copyOf(notes);
    }

    /**
     * One request.
     *
     * @param name    unique in the scenario
     * @param method  HTTP method
     * @param path    path and query, {@code ${column}} where a feed column goes
     * @param headers in order
     * @param body    request body, or null
     * @param expect  the status to expect, or 0 for any below 400
     */
    public record DraftStep(
            String name, String method, String path, Map<String, String> headers, String body, int expect) {
        public DraftStep {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /**
     * Drafts a scenario from an OpenAPI 3 document (JSON or YAML).
     *
     * @param document    the document's text
     * @param source      where it came from, for messages
     * @param fetchedFrom the URL it was read from, which a relative or missing {@code servers} entry is resolved
     *                    against; null for a file
     * @param target      the target to use instead of the document's servers; null to take it from them
     * @throws LoadException with {@link LoadErrorCode#BAD_SOURCE} naming the problem when it is not such a document
     */
    public static ScenarioDraft fromOpenApi(String document, String source, URI fetchedFrom, URI target) {
        return OpenApiDraft.draft(document, source, fetchedFrom, target);
    }

    /**
     * Drafts one scenario per origin (scheme, host, port) of a HAR recording, in the order each first appears.
     * Cookies and credentials (Cookie, Authorization, CSRF tokens) are left out unless {@code keepCredentials}.
     *
     * @throws LoadException with {@link LoadErrorCode#BAD_SOURCE} naming the problem when it is not a HAR recording
     */
    public static List<ScenarioDraft> fromHar(String har, String source, boolean keepCredentials) {
        return HarDraft.draft(har, source, keepCredentials);
    }

    /** The scenario file, with the notes as comments on top; {@code feedFile} is written as its {@code feed:}. */
    public String yaml(String source, String feedFile) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("target", target.toString());
        if (!feed.isEmpty()) file.put("feed", feedFile);
        List<Map<String, Object>> list = new ArrayList<>();
        for (DraftStep s : steps) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", s.name());
            step.put("method", s.method());
            step.put("path", s.path());
            if (!s.headers().isEmpty()) step.put("headers", s.headers());
            if (s.body() != null) step.put("body", s.body());
            if (s.expect() > 0) step.put("expect", s.expect());
            list.add(step);
        }
        file.put("steps", list);
        StringBuilder text = new StringBuilder("# drafted by keelson load init from " + oneLine(source) + "\n");
        text.append("# review it: the values are examples; run it with keelson load --scenario FILE\n");
        for (String note : notes) text.append("# note: ").append(oneLine(note)).append('\n');
        return text.append(YAML.writeValueAsString(file)).toString();
    }

    /** The feed's CSV: a header of the columns and one row of their example values. */
    public String feedCsv() {
        return feed.keySet().stream().map(ScenarioDraft::csv).collect(Collectors.joining(",")) + "\n"
                + feed.values().stream().map(ScenarioDraft::csv).collect(Collectors.joining(",")) + "\n";
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}

package dev.keelson.load.internal;

import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.ScenarioDraft;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Drafts a scenario from an OpenAPI 3.0 or 3.1 document read as a tree: one step per operation in the document's
 * order, path parameters as {@code ${name}} feed columns, required query and header parameters with example values,
 * JSON bodies from the schema's examples (or built from the schema), the lowest 2xx response as {@code expect}, and
 * an {@code Authorization} header from a feed column where the operation needs a bearer, basic or API-key scheme.
 */
public final class OpenApiDraft {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final String TOKEN = "REPLACE_WITH_A_TOKEN";

    private final JsonNode root;
    private final Map<String, String> feed = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private OpenApiDraft(JsonNode root) {
        this.root = root;
    }

    public static ScenarioDraft draft(String document, String source, URI fetchedFrom, URI target) {
        JsonNode root = tree(document, source);
        String version = root.path("openapi").asString("");
        if (root.has("swagger")) {
            throw bad(source + " is Swagger " + root.path("swagger").asString() + ", not OpenAPI 3: convert it first"
                    + " (e.g. with swagger-converter), or give the service's /v3/api-docs");
        }
        if (!version.startsWith("3.")) {
            throw bad(source + " is not an OpenAPI 3 document: it has no 'openapi: 3.x' field at the top");
        }
        OpenApiDraft draft = new OpenApiDraft(root);
        URI server = draft.server(source, fetchedFrom, target);
        String prefix = target == null && server.getRawPath() != null
                ? server.getRawPath().replaceAll("/+$", "")
                : "";
        List<ScenarioDraft.DraftStep> steps = draft.steps(prefix);
        if (steps.isEmpty()) throw bad(source + " has no operations under 'paths': nothing to draft");
        URI origin = URI.create(server.getScheme() + "://" + server.getRawAuthority());
        return new ScenarioDraft(origin, steps, draft.feed, draft.notes);
    }

    private static JsonNode tree(String document, String source) {
        String text = document.strip();
        try {
            JsonNode root = text.startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
            if (root == null || !root.isObject())
                throw bad(source + " is not an OpenAPI document: not a JSON or YAML object");
            return root;
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw bad(source + " is not valid " + (text.startsWith("{") ? "JSON" : "YAML")
                    + (at == null ? "" : " (line " + at.getLineNr() + ")") + ": " + e.getOriginalMessage());
        }
    }

    static LoadException bad(String message) {
        return new LoadException(LoadErrorCode.BAD_SOURCE, message);
    }

    /** The first server's URL, resolved against where the document came from; or {@code target} when given. */
    private URI server(String source, URI fetchedFrom, URI target) {
        if (target != null) return target;
        String url = root.path("servers").path(0).path("url").asString("");
        URI server = url.isEmpty() ? null : URI.create(url.replaceAll("\\{[^}]*}", "x"));
        if (server != null && server.getScheme() != null) return server;
        if (fetchedFrom != null) return server == null ? fetchedFrom.resolve("/") : fetchedFrom.resolve(server);
        notes.add(source + " names no absolute server URL: the target is http://localhost:8080 (change it, or give"
                + " --target)");
        return URI.create("http://localhost:8080" + (server == null ? "" : server.getRawPath()));
    }

    private List<ScenarioDraft.DraftStep> steps(String prefix) {
        List<ScenarioDraft.DraftStep> steps = new ArrayList<>();
        for (var path : root.path("paths").properties()) {
            JsonNode item = resolve(path.getValue());
            for (String method : METHODS) {
                JsonNode op = item.path(method);
                if (op.isObject()) steps.add(step(prefix + path.getKey(), method, item, op));
            }
        }
        return steps;
    }

    private ScenarioDraft.DraftStep step(String template, String method, JsonNode item, JsonNode op) {
        String name = unique(op.path("operationId").asString(method.toUpperCase() + " " + template));
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        String path = template;
        for (JsonNode p : parameters(item, op)) {
            String in = p.path("in").asString(""), pname = p.path("name").asString("");
            if (in.equals("path")) {
                String column = column(pname);
                feed.putIfAbsent(column, text(example(p)));
                path = path.replace("{" + pname + "}", "${" + column + "}");
            } else if (p.path("required").asBoolean(false) && in.equals("query")) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(pname)
                        .append('=')
                        .append(encode(text(example(p))));
            } else if (p.path("required").asBoolean(false) && in.equals("header")) {
                headers.put(pname, text(example(p)));
            }
        }
        authorization(op, headers);
        String body = body(op, headers, name);
        return new ScenarioDraft.DraftStep(name, method.toUpperCase(), path + query, headers, body, expect(op));
    }

    private List<JsonNode> parameters(JsonNode item, JsonNode op) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode resolved = resolve(p);
                byKey.put(
                        resolved.path("in").asString() + ":"
                                + resolved.path("name").asString(),
                        resolved);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The request body as JSON text from the schema's example, or null without a JSON body. */
    private String body(JsonNode op, Map<String, String> headers, String step) {
        JsonNode content = resolve(op.path("requestBody")).path("content");
        if (content.isMissingNode() || content.isEmpty()) return null;
        for (var type : content.properties()) {
            if (type.getKey().contains("json")) {
                JsonNode media = type.getValue();
                JsonNode example = media.has("example")
                        ? media.get("example")
                        : media.path("examples").isObject()
                                        && !media.path("examples").isEmpty()
                                ? resolve(media.path("examples").iterator().next())
                                        .path("value")
                                : sample(media.path("schema"), 0);
                headers.put("Content-Type", type.getKey());
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(example);
            }
        }
        notes.add("step " + step + ": no JSON body type (" + String.join(", ", content.propertyNames())
                + "): write its body by hand");
        return null;
    }

    /** Adds the header an operation's security scheme needs, its value from a feed column. */
    private void authorization(JsonNode op, Map<String, String> headers) {
        JsonNode security = op.has("security") ? op.get("security") : root.path("security");
        if (!security.isArray() || security.isEmpty()) return;
        for (String schemeName : security.get(0).propertyNames()) {
            JsonNode scheme =
                    resolve(root.path("components").path("securitySchemes").path(schemeName));
            String type = scheme.path("type").asString(""),
                    http = scheme.path("scheme").asString("");
            if (type.equals("http") && http.equalsIgnoreCase("basic")) {
                headers.put("Authorization", "Basic ${" + credential("basic") + "}");
            } else if (type.equals("http") || type.equals("oauth2") || type.equals("openIdConnect")) {
                headers.put("Authorization", "Bearer ${" + credential("token") + "}");
            } else if (type.equals("apiKey") && scheme.path("in").asString("").equals("header")) {
                headers.put(scheme.path("name").asString("X-API-Key"), "${" + credential("apiKey") + "}");
            }
        }
    }

    private String credential(String column) {
        if (!feed.containsKey(column)) {
            feed.put(column, TOKEN);
            notes.add("operations need credentials: put a real value in the feed's '" + column + "' column (or an"
                    + " earlier step that logs in and extracts it)");
        }
        return column;
    }

    private static int expect(JsonNode op) {
        int lowest = 0;
        for (String code : op.path("responses").propertyNames()) {
            if (code.matches("2\\d\\d")) {
                int status = Integer.parseInt(code);
                if (lowest == 0 || status < lowest) lowest = status;
            }
        }
        return lowest;
    }

    private JsonNode example(JsonNode parameter) {
        if (parameter.has("example")) return parameter.get("example");
        JsonNode examples = parameter.path("examples");
        if (examples.isObject() && !examples.isEmpty())
            return resolve(examples.iterator().next()).path("value");
        return sample(parameter.path("schema"), 0);
    }

    /** An example value for {@code schema}: its own example, default or first enum value, else one built by type. */
    private JsonNode sample(JsonNode schemaOrRef, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (depth > 8) return nodes.nullNode();
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("example")) return schema.get("example");
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty())
            return schema.get("examples").get(0);
        if (schema.has("default")) return schema.get("default");
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty())
            return schema.get("enum").get(0);
        if (schema.has("const")) return schema.get("const");
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
                return sample(schema.get(choice).get(0), depth + 1);
            }
        }
        if (schema.path("allOf").isArray()) {
            ObjectNode merged = nodes.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                if (sample(part, depth + 1) instanceof ObjectNode o) merged.setAll(o);
            }
            return merged;
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                yield array.add(sample(schema.path("items"), depth + 1));
            }
            case "integer" ->
                nodes.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" ->
                nodes.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1)));
            case "boolean" -> nodes.booleanNode(true);
            case "string" -> nodes.stringNode(string(schema));
            default -> nodes.nullNode();
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (var property : schema.path("properties").properties()) {
            JsonNode resolved = resolve(property.getValue());
            if (!resolved.path("readOnly").asBoolean(false)) {
                object.set(property.getKey(), sample(property.getValue(), depth + 1));
            }
        }
        return object;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
            for (JsonNode t : type) if (!t.asString("").equals("null")) return t.asString();
        }
        if (type.isString()) return type.asString();
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    private static String string(JsonNode schema) {
        String value = switch (schema.path("format").asString("")) {
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "email" -> "user@example.com";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            case "uri", "url" -> "https://example.com/";
            case "password" -> "Secret-passw0rd-1";
            default -> "example";
        };
        int min = schema.path("minLength").asInt(0);
        while (value.length() < min) value += "x";
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return value.length() > max ? value.substring(0, Math.max(0, max)) : value;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else stays as it is. */
    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; hops < 16 && node.has("$ref"); hops++) {
            String ref = node.get("$ref").asString("");
            if (!ref.startsWith("#/")) {
                notes.add("$ref " + ref + " points outside the document: left out");
                return JsonNodeFactory.instance.objectNode();
            }
            node = root.at(ref.substring(1));
        }
        return node;
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int n = 2; !names.add(name.toLowerCase()); n++) name = wanted + " #" + n;
        return name;
    }

    private static String column(String parameter) {
        String column = parameter.replaceAll("[^A-Za-z0-9_.-]", "_");
        return column.isEmpty() ? "param" : column;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString("") : JSON.writeValueAsString(value);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}

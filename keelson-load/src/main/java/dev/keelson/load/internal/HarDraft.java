package dev.keelson.load.internal;

import dev.keelson.load.ScenarioDraft;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts scenarios from a HAR 1.2 recording (a browser's network panel, "Save all as HAR"): one per origin in the
 * order each first appears, one step per request with its method, path and query, headers and body. Headers the
 * connection sets (Host, Content-Length, HTTP/2 pseudo-headers...) and Accept-Encoding (keelson reads bodies as
 * sent) are dropped, and so are cookies and credentials unless asked for.
 */
public final class HarDraft {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TRANSPORT = Set.of(
            "host",
            "content-length",
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "upgrade",
            "te",
            "accept-encoding");
    private static final Set<String> CREDENTIALS =
            Set.of("cookie", "authorization", "proxy-authorization", "x-csrf-token", "x-xsrf-token");

    private HarDraft() {}

    private record Origin(URI target, List<ScenarioDraft.DraftStep> steps, Set<String> names, List<String> notes) {}

    public static List<ScenarioDraft> draft(String har, String source, boolean keepCredentials) {
        JsonNode entries = entries(har, source);
        Map<String, Origin> origins = new LinkedHashMap<>();
        Set<String> dropped = new java.util.TreeSet<>();
        int skipped = 0;
        for (JsonNode entry : entries) {
            JsonNode request = entry.path("request");
            URI url = url(request.path("url").asString(""));
            String placeholder = "${";
            String body = body(request.path("postData"));
            if (url == null || request.toString().contains(placeholder)) {
                skipped++;
                continue;
            }
            String key = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
            Origin origin = origins.computeIfAbsent(
                    key, k -> new Origin(URI.create(k), new ArrayList<>(), new HashSet<>(), new ArrayList<>()));
            String method = request.path("method").asString("GET").toUpperCase(Locale.ROOT);
            String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String name =
                    method + " " + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
            for (int n = 2; !origin.names().add(name.toLowerCase(Locale.ROOT)); n++) {
                name = method + " " + url.getRawPath() + " #" + n;
            }
            Map<String, String> headers = headers(request.path("headers"), keepCredentials, dropped);
            if (body != null && !headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"))) {
                String type = request.path("postData").path("mimeType").asString("");
                if (!type.isEmpty()) headers.put("Content-Type", type);
            }
            origin.steps().add(new ScenarioDraft.DraftStep(name, method, path, headers, body, 0));
        }
        if (origins.isEmpty()) {
            throw OpenApiDraft.bad(source + " has no http:// or https:// requests to draft from"
                    + (skipped > 0 ? " (" + skipped + " entries were other schemes or held ${...})" : ""));
        }
        List<ScenarioDraft> drafts = new ArrayList<>();
        for (Origin o : origins.values()) {
            List<String> notes = new ArrayList<>();
            if (!dropped.isEmpty()) {
                notes.add("left out the headers " + dropped
                        + (keepCredentials ? "" : " (credentials: give --keep-credentials to keep them)"));
            }
            if (skipped > 0) notes.add(skipped + " entries were not http(s) or held ${...} and were left out");
            drafts.add(new ScenarioDraft(o.target(), o.steps(), Map.of(), notes));
        }
        return drafts;
    }

    private static JsonNode entries(String har, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(har);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw OpenApiDraft.bad(source + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        JsonNode entries = root == null ? null : root.path("log").path("entries");
        if (entries == null || !entries.isArray()) {
            throw OpenApiDraft.bad(source + " is not a HAR recording: it has no log.entries array (save one from the"
                    + " browser's network panel: Save all as HAR)");
        }
        return entries;
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Map<String, String> headers(JsonNode list, boolean keepCredentials, Set<String> dropped) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode h : list) {
            String name = h.path("name").asString(""), lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.startsWith(":") || TRANSPORT.contains(lower)) continue;
            if (!keepCredentials && CREDENTIALS.contains(lower)) {
                dropped.add(name);
                continue;
            }
            headers.put(name, h.path("value").asString(""));
        }
        return headers;
    }

    /** The posted text, or its form parameters URL-encoded; null without a body. */
    private static String body(JsonNode postData) {
        if (postData.path("text").isString()) return postData.get("text").asString();
        if (!postData.path("params").isArray() || postData.path("params").isEmpty()) return null;
        StringBuilder form = new StringBuilder();
        for (JsonNode p : postData.get("params")) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(encode(p.path("name").asString("")))
                    .append('=')
                    .append(encode(p.path("value").asString("")));
        }
        return form.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}

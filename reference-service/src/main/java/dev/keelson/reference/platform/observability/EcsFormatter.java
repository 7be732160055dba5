package dev.keelson.reference.platform.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * The console's JSON lines: byte for byte the lines of Spring Boot's {@code ecs} format (Elastic Common Schema: the
 * same members in the same order, the same nesting of dotted log-context and key-value names, the same escaping),
 * written straight into one buffer. Boot's writer builds each line through a general JSON writer (a path object per
 * member, a name set per object, a regular expression per dotted name); this one costs a fraction of that, which
 * matters because every request writes one line (the access log).
 *
 * <p>Only the common case is written here: no exception, no markers, log-context and key-value values that are
 * strings, numbers, booleans or null, names that nest without clashing. Every other event, and every event when the
 * JSON is customised ({@code logging.structured.json.*}, or a customiser that changes the lines of a probe event
 * checked at start-up), goes to Boot's own {@code ecs} writer, so the lines never differ from it.
 * {@code EcsFormatterTest} compares the two on hostile values.
 *
 * <p>Selected by {@code logging.structured.format.console} in {@code application.yaml}; {@code LOG_FORMAT=ecs} gives
 * Boot's own writer of the same lines.
 */
public final class EcsFormatter implements StructuredLogFormatter<ILoggingEvent> {
    /** The members every line has; a log-context name equal to one of them is Boot's error to report, not ours. */
    private static final Set<String> FIXED =
            Set.of("@timestamp", "log", "process", "service", "message", "error", "tags", "ecs");

    private final StructuredLogEncoder boot;
    private final String pid;
    private final String service;
    private final boolean direct;

    public EcsFormatter(Environment environment) {
        this.boot = bootEcs(environment);
        Long processId = environment.getProperty("spring.application.pid", Long.class);
        this.pid = processId == null ? "" : "\"pid\":" + processId + ",";
        this.service = serviceMembers(environment);
        this.direct = !customised(environment) && sameAsBoot();
    }

    @Override
    public String format(ILoggingEvent event) {
        String line = direct ? line(event) : null;
        return line != null ? line : new String(boot.encode(event), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        String line = direct ? line(event) : null;
        if (line != null) {
            return line.getBytes(charset);
        }
        byte[] utf8 = boot.encode(event);
        return charset.equals(StandardCharsets.UTF_8)
                ? utf8
                : new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
    }

    /** The line of {@code event}, or null when Boot's writer must write it. */
    private String line(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        if (event.getThrowableProxy() != null || (markers != null && !markers.isEmpty())) {
            return null;
        }
        Map<String, Object> pairs = pairs(event);
        if (pairs == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(512);
        out.append("{\"@timestamp\":");
        string(out, event.getInstant());
        out.append(",\"log\":{\"level\":");
        string(out, event.getLevel());
        out.append(",\"logger\":");
        string(out, event.getLoggerName());
        out.append("},\"process\":{").append(pid).append("\"thread\":{\"name\":");
        string(out, event.getThreadName());
        out.append("}}").append(service).append(",\"message\":");
        string(out, event.getFormattedMessage());
        for (Map.Entry<String, Object> pair : pairs.entrySet()) {
            out.append(',');
            string(out, pair.getKey());
            out.append(':');
            if (!value(out, pair.getValue())) {
                return null;
            }
        }
        return out.append(",\"ecs\":{\"version\":\"8.11\"}}\n").toString();
    }

    /**
     * The log context, then the key-value pairs, nested at their dots, as Boot's {@code ContextPairs.nested} does; null
     * for a name Boot would split differently or reject (a dot at either end, two dots, a clash).
     */
    private static Map<String, Object> pairs(ILoggingEvent event) {
        Node result = new Node();
        Map<String, String> context = event.getMDCPropertyMap();
        if (context != null) {
            for (Map.Entry<String, String> entry : context.entrySet()) {
                if (!result.nest(entry.getKey(), entry.getValue())) {
                    return null;
                }
            }
        }
        List<KeyValuePair> keyValues = event.getKeyValuePairs();
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) {
                if (!result.nest(pair.key, pair.value)) {
                    return null;
                }
            }
        }
        for (String name : result.keySet()) {
            if (FIXED.contains(name)) {
                return null;
            }
        }
        return result;
    }

    /** Writes {@code value} as Boot's JSON writer does; false for a type left to it. */
    private static boolean value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Node node -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> pair : node.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, pair.getKey());
                    out.append(':');
                    if (!value(out, pair.getValue())) {
                        return false;
                    }
                }
                out.append('}');
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A JSON string escaped exactly as Boot's {@code JsonValueWriter} does (ISO control characters as {@code \}u). */
    private static void string(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
            return;
        }
        String s = value.toString();
        out.append('"');
        int plain = 0; // the start of the run of characters written as they are, appended in one piece
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= ' ' && ch != '"' && ch != '\\' && (ch < '\u007f' || ch > '\u009f')) {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                    out.append("\\u") // an ISO control character
                            .append(HEX[ch >> 12])
                            .append(HEX[(ch >> 8) & 0xF])
                            .append(HEX[(ch >> 4) & 0xF])
                            .append(HEX[ch & 0xF]);
            }
        }
        out.append(s, plain, s.length()).append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** An object made by nesting dotted names (never a value of the event, which Boot would write its own way). */
    private static final class Node extends LinkedHashMap<String, Object> {
        boolean nest(String name, Object value) {
            if (name == null || name.isEmpty()) {
                return true; // Boot drops a pair without a name
            }
            if (name.charAt(0) == '.' || name.charAt(name.length() - 1) == '.' || name.contains("..")) {
                return false;
            }
            Node destination = this;
            int start = 0;
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
                String part = name.substring(start, dot);
                Object existing = destination.get(part);
                if (existing == null) {
                    if (destination.containsKey(part)) {
                        return false;
                    }
                    Node child = new Node();
                    destination.put(part, child);
                    destination = child;
                } else if (existing instanceof Node child) {
                    destination = child;
                } else {
                    return false;
                }
                start = dot + 1;
            }
            String leaf = name.substring(start);
            if (destination.containsKey(leaf)) {
                return false;
            }
            destination.put(leaf, value);
            return true;
        }
    }

    private static StructuredLogEncoder bootEcs(Environment environment) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setFormat("ecs");
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /** {@code ,"service":{...}} as Boot writes it from {@code logging.structured.ecs.service.*} and the application. */
    private static String serviceMembers(Environment environment) {
        ElasticCommonSchemaProperties properties = ElasticCommonSchemaProperties.get(environment);
        String object = JsonWriter.<Object>of(properties::jsonMembers).writeToString(Boolean.TRUE);
        String members = object.substring(1, object.length() - 1);
        return members.isEmpty() ? "" : "," + members;
    }

    /** True when {@code logging.structured.json.*} is set anywhere: members added, renamed or left out. */
    private static boolean customised(Environment environment) {
        ConfigurationPropertyName json = ConfigurationPropertyName.of("logging.structured.json");
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(json) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** True when this writer's lines of two probe events equal Boot's (a customiser from spring.factories would not). */
    private boolean sameAsBoot() {
        LoggerContext context = new LoggerContext();
        LoggingEvent plain = probe(context, Map.of(), List.of());
        LoggingEvent full = probe(
                context,
                Map.of("requestId", "probe \"1\"\n", "user.id", "7"),
                List.of(new KeyValuePair("http.method", "GET"), new KeyValuePair("http.status", 200)));
        for (LoggingEvent event : List.of(plain, full)) {
            String line = line(event);
            if (line == null || !line.equals(new String(boot.encode(event), StandardCharsets.UTF_8))) {
                return false;
            }
        }
        return true;
    }

    private static LoggingEvent probe(LoggerContext context, Map<String, String> logContext, List<KeyValuePair> pairs) {
        LoggingEvent event = new LoggingEvent(
                EcsFormatter.class.getName(), context.getLogger("probe"), Level.INFO, "probe {}", null, new Object[] {
                    "\t\u0001é"
                });
        event.setInstant(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L));
        event.setThreadName("probe");
        event.setMDCPropertyMap(logContext);
        pairs.forEach(event::addKeyValuePair);
        return event;
    }
}

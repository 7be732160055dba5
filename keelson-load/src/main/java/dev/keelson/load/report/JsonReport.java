package dev.keelson.load.report;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Lateness;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Model;
import dev.keelson.load.ServerMetrics;
import dev.keelson.load.Shard;
import dev.keelson.load.Shortfall;
import dev.keelson.load.Stage;
import dev.keelson.load.StageResult;
import dev.keelson.load.StepResult;
import dev.keelson.load.Threshold;
import dev.keelson.load.TimelineSecond;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a result. It carries the whole latency histogram in HdrHistogram's compressed, base64 form
 * ({@code latency.histogram}), so {@link #read} gives back a result that merges exactly.
 */
public final class JsonReport {
    /** Format version written as {@code "format"}; bumped on incompatible change. */
    public static final int FORMAT = 1;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {}

    /** Renders {@code result} as pretty-printed JSON. */
    public static String render(LoadResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT)
                .put("target", r.target())
                .put("model", r.model().name().toLowerCase())
                .put("users", r.users())
                .put("rate", r.rate())
                .put("started", r.started().toString())
                .put("durationSeconds", r.measured().toNanos() / 1e9)
                .put("requests", r.requests())
                .put("requestsPerSecond", r.requestsPerSecond())
                .put("bytes", r.bytes())
                .put("bytesPerSecond", r.bytesPerSecond())
                .put("errors", r.errors())
                .put("errorRatio", r.errorRatio());
        if (r.shard() != null) root.put("shard", r.shard().toString()); // a shard's result: i/N
        if (r.runId() != null) root.put("runId", r.runId()); // a shard's run, or the run whose shards were merged
        root.set("latency", latency(r.latency()));
        ObjectNode statuses = root.putObject("statusCodes");
        r.statusCodes().forEach((code, n) -> statuses.put(String.valueOf(code), n));
        ObjectNode protocols = root.putObject("protocols"); // connections opened per protocol negotiated
        r.protocols().forEach(protocols::put);
        ObjectNode kinds = root.putObject("errorKinds");
        r.errorKinds().forEach((kind, n) -> kinds.put(kind.name().toLowerCase(), n));
        root.putObject("late")
                .put("count", r.lateness().count())
                .put("meanMicros", r.lateness().meanMicros())
                .put("maxMicros", r.lateness().maxMicros());
        timeline(root.putArray("timeline"), r.timeline());
        ArrayNode steps = root.putArray("steps");
        for (StepResult step : r.steps()) {
            ObjectNode node = steps.addObject()
                    .put("name", step.name())
                    .put("requests", step.requests())
                    .put("requestsPerSecond", step.requestsPerSecond())
                    .put("errors", step.errors())
                    .put("errorRatio", step.errorRatio());
            ObjectNode stepKinds = node.putObject("errorKinds");
            step.errorKinds().forEach((kind, n) -> stepKinds.put(kind.name().toLowerCase(), n));
            node.set("latency", latency(step.latency()));
            timeline(node.putArray("timeline"), step.timeline());
        }
        ArrayNode stages = root.putArray("stages");
        for (var stage : r.stages()) {
            ObjectNode node = stages.addObject();
            node.put("number", stage.number())
                    .put("durationSeconds", stage.duration().toNanos() / 1e9)
                    .put("target", stage.stage().target())
                    .put("requests", stage.requests())
                    .put("requestsPerSecond", stage.requestsPerSecond())
                    .put("errors", stage.errors())
                    .put("p50Micros", stage.percentileMicros(50))
                    .put("p99Micros", stage.percentileMicros(99));
            node.set("latency", latency(stage.latency()));
        }
        if (r.shortfall() != null) {
            var f = r.shortfall();
            root.putObject("shortfall")
                    .put("cause", f.cause().name().toLowerCase())
                    .put("targetRate", f.targetRate())
                    .put("achievedRate", f.achievedRate())
                    .put("connections", f.connections())
                    .put("meanAnswerMicros", f.meanAnswerMicros())
                    .put("generatorBusy", f.generatorBusy())
                    .put("threads", f.threads())
                    .put("description", f.describe());
        }
        ArrayNode thresholds = root.putArray("thresholds");
        for (Threshold.Outcome t : r.thresholds()) {
            ObjectNode node =
                    thresholds.addObject().put("expression", t.threshold().expression());
            if (Double.isInfinite(t.actual())) {
                node.putNull("actual").put("noAnswer", true); // the value fell among requests that got no answer
            } else {
                node.put("actual", t.actual());
            }
            if (!Double.isInfinite(t.margin())) node.put("margin", t.margin()); // inside the limit when positive
            node.put("passed", t.passed());
        }
        server(root, r.server());
        root.put("passed", r.passed());
        return JSON.writeValueAsString(root) + System.lineSeparator();
    }

    private static void timeline(ArrayNode timeline, List<TimelineSecond> seconds) {
        for (TimelineSecond s : seconds) {
            ObjectNode second = timeline.addObject()
                    .put("second", s.second())
                    .put("warmup", s.warmup())
                    .put("requests", s.requests())
                    .put("errors", s.errors())
                    .put("bytes", s.bytes());
            if (s.requests() == 0) {
                // a second without responses has no latency: null, not 0
                second.putNull("p50Micros")
                        .putNull("p90Micros")
                        .putNull("p99Micros")
                        .putNull("maxMicros");
            } else {
                second.put("p50Micros", s.p50Micros())
                        .put("p90Micros", s.p90Micros())
                        .put("p99Micros", s.p99Micros())
                        .put("maxMicros", s.maxMicros());
            }
        }
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode node = JSON.createObjectNode()
                .put("unit", "microseconds")
                .put("count", h.getTotalCount())
                .put("min", h.getTotalCount() == 0 ? 0 : h.getMinValue())
                .put("mean", h.getMean())
                .put("stdev", h.getStdDeviation())
                .put("max", h.getMaxValue());
        ObjectNode percentiles = node.putObject("percentiles");
        for (double q : TextReport.PERCENTILES) percentiles.put(TextReport.label(q), h.getValueAtPercentile(q));
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        node.put("histogram", Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
        return node;
    }

    /**
     * Reads a result written by {@link #render}; thresholds are not read back.
     *
     * @throws LoadException with {@link LoadErrorCode#BAD_RESULT} naming the file when it is not such a result
     */
    public static LoadResult read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(
                    LoadErrorCode.BAD_RESULT,
                    file + (Files.exists(file) ? " is not a file" : " does not exist") + ": give a JSON result saved"
                            + " with --output json --save FILE");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.path("latency").has("histogram")) {
                throw new IllegalArgumentException("no latency.histogram: not a keelson load JSON result");
            }
            return fromJson(root);
        } catch (JacksonException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_RESULT, file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | DataFormatException | NullPointerException | LoadException e) {
            throw new LoadException(LoadErrorCode.BAD_RESULT, file + ": " + e.getMessage(), e);
        }
    }

    private static LoadResult fromJson(JsonNode root) throws DataFormatException {
        Histogram latency = histogram(root.path("latency"));
        Map<Integer, Long> statuses = new TreeMap<>();
        root.path("statusCodes")
                .properties()
                .forEach(e ->
                        statuses.put(Integer.valueOf(e.getKey()), e.getValue().asLong()));
        Map<ErrorKind, Long> kinds = kinds(root.path("errorKinds"));
        List<TimelineSecond> timeline = timeline(root.path("timeline"));
        Duration measured =
                Duration.ofNanos((long) (root.path("durationSeconds").asDouble() * 1e9));
        List<StepResult> steps = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
            steps.add(new StepResult(
                    step.path("name").asString(),
                    measured,
                    step.path("requests").asLong(),
                    step.path("errors").asLong(),
                    histogram(step.path("latency")),
                    kinds(step.path("errorKinds")),
                    timeline(step.path("timeline"))));
        }
        List<StageResult> stages = new ArrayList<>();
        Model model = Model.valueOf(root.path("model").asString().toUpperCase());
        for (JsonNode stage : root.path("stages")) {
            stages.add(new StageResult(
                    stage.path("number").asInt(),
                    new Stage(
                            Duration.ofNanos(
                                    (long) (stage.path("durationSeconds").asDouble() * 1e9)),
                            stage.path("target").asDouble()),
                    model,
                    stage.path("requests").asLong(),
                    stage.path("errors").asLong(),
                    histogram(stage.path("latency"))));
        }
        JsonNode late = root.path("late");
        JsonNode f = root.path("shortfall");
        Shortfall shortfall = f.isObject()
                ? new Shortfall(
                        Shortfall.Cause.valueOf(f.path("cause").asString().toUpperCase()),
                        f.path("targetRate").asDouble(),
                        f.path("achievedRate").asDouble(),
                        f.path("connections").asInt(),
                        f.path("meanAnswerMicros").asDouble(),
                        f.path("generatorBusy").asDouble(),
                        f.path("threads").asInt())
                : null;
        return new LoadResult(
                root.path("target").asString(),
                model,
                root.path("users").asInt(),
                root.path("rate").asDouble(),
                Instant.parse(root.path("started").asString()),
                measured,
                root.path("requests").asLong(),
                root.path("errors").asLong(),
                root.path("bytes").asLong(),
                latency,
                new TreeMap<>(statuses),
                kinds,
                new Lateness(
                        late.path("count").asLong(),
                        late.path("meanMicros").asDouble(),
                        late.path("maxMicros").asLong()),
                timeline,
                List.of(),
                shortfall,
                steps,
                stages,
                protocols(root.path("protocols")),
                root.path("shard").isString() ? Shard.parse(root.path("shard").asString()) : null,
                root.path("runId").isString() ? root.path("runId").asString() : null,
                server(root.path("server")));
    }

    private static void server(ObjectNode root, ServerMetrics m) {
        if (m.isEmpty()) return;
        ObjectNode node = root.putObject("server")
                .put("endpoint", m.endpoint())
                .put("scrapes", m.scrapes())
                .put("failed", m.failed());
        ArrayNode warnings = node.putArray("warnings");
        m.warnings().forEach(warnings::add);
        ArrayNode series = node.putArray("series");
        for (ServerMetrics.Series s : m.series()) {
            ObjectNode line = series.addObject()
                    .put("label", s.label())
                    .put("metric", s.metric())
                    .put("kind", s.kind())
                    .put("unit", s.unit());
            ArrayNode points = line.putArray("points");
            for (ServerMetrics.Point p : s.points()) {
                ObjectNode point = points.addObject().put("second", p.second());
                if (Double.isFinite(p.value())) point.put("value", p.value());
                else point.putNull("value"); // a mean over an interval without events
            }
        }
    }

    private static ServerMetrics server(JsonNode node) {
        if (!node.isObject()) return ServerMetrics.NONE;
        List<ServerMetrics.Series> series = new ArrayList<>();
        for (JsonNode s : node.path("series")) {
            List<ServerMetrics.Point> points = new ArrayList<>();
            for (JsonNode p : s.path("points")) {
                JsonNode value = p.path("value");
                points.add(new ServerMetrics.Point(
                        p.path("second").asDouble(), value.isNumber() ? value.asDouble() : Double.NaN));
            }
            series.add(new ServerMetrics.Series(
                    s.path("label").asString(),
                    s.path("metric").asString(),
                    s.path("kind").asString(),
                    s.path("unit").asString(),
                    points));
        }
        List<String> warnings = new ArrayList<>();
        node.path("warnings").forEach(w -> warnings.add(w.asString()));
        return new ServerMetrics(
                node.path("endpoint").asString(),
                node.path("scrapes").asInt(),
                node.path("failed").asInt(),
                series,
                warnings);
    }

    private static SortedMap<String, Long> protocols(JsonNode node) {
        SortedMap<String, Long> protocols = new TreeMap<>();
        node.properties().forEach(e -> protocols.put(e.getKey(), e.getValue().asLong()));
        return protocols;
    }

    private static Histogram histogram(JsonNode latency) throws DataFormatException {
        if (!latency.path("histogram").isString()) {
            throw new IllegalArgumentException("a latency without its histogram: not written by this keelson");
        }
        byte[] bytes = Base64.getDecoder().decode(latency.path("histogram").asString());
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    }

    private static Map<ErrorKind, Long> kinds(JsonNode node) {
        Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        node.properties()
                .forEach(e -> kinds.put(
                        ErrorKind.valueOf(e.getKey().toUpperCase()),
                        e.getValue().asLong()));
        return kinds;
    }

    private static List<TimelineSecond> timeline(JsonNode seconds) {
        List<TimelineSecond> timeline = new ArrayList<>();
        for (JsonNode s : seconds) {
            timeline.add(new TimelineSecond(
                    s.path("second").asInt(),
                    s.path("warmup").asBoolean(),
                    s.path("requests").asLong(),
                    s.path("errors").asLong(),
                    s.path("bytes").asLong(),
                    s.path("p50Micros").asLong(),
                    s.path("p90Micros").asLong(),
                    s.path("p99Micros").asLong(),
                    s.path("maxMicros").asLong()));
        }
        return timeline;
    }
}

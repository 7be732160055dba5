package dev.keelson.reference.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real OTLP/HTTP trace receiver on a free port (the JDK's HTTP server): accepts {@code POST /v1/traces} with the
 * protobuf {@code ExportTraceServiceRequest} an OpenTelemetry exporter sends, answers 200, and keeps the spans,
 * decoded from the protobuf wire format (the few fields the tests read).
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    /** One received span: its resource's {@code service.name}, trace id (hex), name, kind and string attributes. */
    public record Span(String service, String traceId, String name, int kind, Map<String, String> attributes) {
        public static final int KIND_SERVER = 2;
    }

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                spans.addAll(decodeRequest(ByteBuffer.wrap(body.readAllBytes())));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: everything accepted
            exchange.close();
        });
        server.start();
    }

    /** The endpoint to configure as the exporter's URL. */
    public String tracesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The spans received so far matching {@code filter}, waiting up to 20 s for at least one. */
    public List<Span> await(Predicate<Span> filter) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Span> matching = spans.stream().filter(filter).toList();
            if (!matching.isEmpty() || Instant.now().isAfter(deadline)) {
                return matching;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }   Resource { repeated KeyValue
    // attributes = 1 }
    // ScopeSpans { repeated Span spans = 2 }   Span { bytes trace_id = 1; string name = 5; SpanKind kind = 6; repeated
    // KeyValue attributes = 9 }
    // KeyValue { string key = 1; AnyValue value = 2 }   AnyValue { string string_value = 1; ...; int64 int_value = 3 }
    private static List<Span> decodeRequest(ByteBuffer request) {
        List<Span> out = new ArrayList<>();
        for (Object resourceSpans : fields(request).getOrDefault(1, List.of())) {
            Map<Integer, List<Object>> rs = fields((ByteBuffer) resourceSpans);
            String service = rs.getOrDefault(1, List.of()).stream()
                    .map(r -> attributes(fields((ByteBuffer) r).getOrDefault(1, List.of()))
                            .get("service.name"))
                    .findFirst()
                    .orElse(null);
            for (Object scopeSpans : rs.getOrDefault(2, List.of())) {
                for (Object span : fields((ByteBuffer) scopeSpans).getOrDefault(2, List.of())) {
                    Map<Integer, List<Object>> s = fields((ByteBuffer) span);
                    out.add(new Span(
                            service,
                            HexFormat.of().formatHex(bytes((ByteBuffer) s.get(1).getFirst())),
                            string(s.get(5).getFirst()),
                            ((Long) s.getOrDefault(6, List.of(0L)).getFirst()).intValue(),
                            attributes(s.getOrDefault(9, List.of()))));
                }
            }
        }
        return out;
    }

    private static Map<String, String> attributes(List<Object> keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object kv : keyValues) {
            Map<Integer, List<Object>> f = fields((ByteBuffer) kv);
            Map<Integer, List<Object>> value = fields((ByteBuffer) f.get(2).getFirst());
            Object v = value.containsKey(1)
                    ? string(value.get(1).getFirst())
                    : value.values().iterator().next().getFirst();
            out.put(string(f.get(1).getFirst()), String.valueOf(v));
        }
        return out;
    }

    /** The fields of one message by number: a {@link ByteBuffer} for length-delimited values, a {@link Long} else. */
    private static Map<Integer, List<Object>> fields(ByteBuffer in) {
        Map<Integer, List<Object>> fields = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            long tag = varint(in);
            Object value = switch ((int) (tag & 7)) {
                case 0 -> varint(in);
                case 1 -> in.order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer slice = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    yield slice;
                }
                case 5 -> (long) in.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                default -> throw new IllegalArgumentException("unsupported protobuf wire type in tag " + tag);
            };
            fields.computeIfAbsent((int) (tag >>> 3), k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static String string(Object value) {
        return new String(bytes((ByteBuffer) value), StandardCharsets.UTF_8);
    }
}

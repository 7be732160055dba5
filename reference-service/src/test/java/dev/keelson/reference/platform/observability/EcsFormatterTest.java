package dev.keelson.reference.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The service's console lines are Spring Boot's {@code ecs} lines, byte for byte: both encoders are made the way Boot
 * makes them for {@code logging.structured.format.console} ({@code ecs} and this class's name), and every event below
 * goes through both.
 */
class EcsFormatterTest {
    private static final String HOSTILE =
            "\" \\ \\\" \b\f\n\r\t \u0000\u001f\u007f\u0085\u009f \u2028\u2029 é 😀 </script>"
                    + " {\"level\":\"ERROR\"}";

    private final LoggerContext events = new LoggerContext();

    @Test
    void anAccessLineIsBootsLineByteForByte() {
        assertSameLines(settings(), accessEvent("GET", "/api/v1/orders/{id}", "4f1c2a70-3b5e-4d7a-9c1e-2f3a4b5c6d7e"));
    }

    @Test
    void hostileRequestValuesAreEscapedAsBootEscapesThem() {
        assertSameLines(
                settings(),
                accessEvent("GET\"}\n{\"x\":\"", "/api/v1/orders/" + HOSTILE, "id\r\n\"injected\":true"),
                accessEvent(HOSTILE, "unmatched", HOSTILE),
                event("user " + HOSTILE + " signed in", Map.of("requestId", HOSTILE, HOSTILE, "key"), List.of()));
    }

    @Test
    void dottedNamesNestAsBootNestsThem() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("trace.id", "t");
        context.put("trace.span.id", "s");
        context.put("a.b.c.d", "deep");
        context.put("empty", "");
        assertSameLines(
                settings(),
                event(
                        "nested",
                        context,
                        List.of(
                                new KeyValuePair("http.method", "GET"),
                                new KeyValuePair("a.b.x", 1.5),
                                new KeyValuePair("ok", true),
                                new KeyValuePair("nothing", null),
                                new KeyValuePair("", "dropped"),
                                new KeyValuePair(null, "dropped"))));
    }

    @Test
    void whatThisWriterLeavesToBootStillComesOutAsBootWritesIt() {
        LoggingEvent failed = event("failed", Map.of("requestId", "r"), List.of());
        failed.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException(HOSTILE)));
        LoggingEvent marked = event("marked", Map.of(), List.of());
        marked.addMarker(MarkerFactory.getMarker("AUDIT"));
        assertSameLines(
                settings(),
                failed,
                marked,
                event("a list", Map.of(), List.of(new KeyValuePair("items", List.of("a", "b")))),
                event("odd names", Map.of(".lead", "1", "trail.", "2", "two..dots", "3"), List.of()),
                event("a map value", Map.of(), List.of(new KeyValuePair("m", Map.of("k", "v")))));
    }

    @Test
    void customisedJsonIsWrittenByBootItself() {
        Environment renamed =
                settings("logging.structured.json.rename.message", "msg", "logging.structured.json.exclude", "process");
        assertSameLines(renamed, accessEvent("GET", "/api/v1/orders", "r1"));
        assertThat(line(encoder(renamed, formatterName()), accessEvent("GET", "/api/v1/orders", "r1")))
                .contains("\"msg\":")
                .doesNotContain("\"process\":");
    }

    @Test
    void theServiceMembersFollowTheSettingsAsInBoot() {
        assertSameLines(
                settings(
                        "logging.structured.ecs.service.version",
                        "1.2.3",
                        "logging.structured.ecs.service.environment",
                        "prod\"uction",
                        "logging.structured.ecs.service.node-name",
                        "node-1"),
                accessEvent("GET", "/api/v1/orders", "r1"));
        StandardEnvironment noName = new StandardEnvironment();
        assertSameLines(noName, accessEvent("GET", "/api/v1/orders", "r1"));
    }

    @Test
    void aClashBootRejectsIsRejectedAlike() {
        Environment settings = settings();
        LoggingEvent clash = event("clash", Map.of("http", "flat"), List.of(new KeyValuePair("http.method", "GET")));
        assertThatThrownBy(() -> encoder(settings, "ecs").encode(clash)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> encoder(settings, formatterName()).encode(clash))
                .isInstanceOf(IllegalStateException.class);
        LoggingEvent member = event("member", Map.of("message", "again"), List.of());
        assertThatThrownBy(() -> encoder(settings, "ecs").encode(member)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> encoder(settings, formatterName()).encode(member))
                .isInstanceOf(IllegalStateException.class);
    }

    private void assertSameLines(Environment settings, LoggingEvent... events) {
        StructuredLogEncoder boot = encoder(settings, "ecs");
        StructuredLogEncoder ours = encoder(settings, formatterName());
        for (LoggingEvent event : events) {
            byte[] expected = boot.encode(event);
            byte[] actual = ours.encode(event);
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .as("the line of \"%s\"", event.getMessage())
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(Arrays.equals(actual, expected)).isTrue();
        }
    }

    private static String line(StructuredLogEncoder encoder, LoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static String formatterName() {
        return EcsFormatter.class.getName();
    }

    /** An encoder as Boot's logging system makes it: the Spring environment in the Logback context. */
    private static StructuredLogEncoder encoder(Environment environment, String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setFormat(format);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Environment settings(String... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("spring.application.name", "reference-service");
        values.put("spring.application.pid", "4242");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }

    /** The event {@code AccessLogFilter} logs: the log context of a signed-in request and four key-value pairs. */
    private LoggingEvent accessEvent(String method, String route, String requestId) {
        LoggingEvent event =
                new LoggingEvent("x", events.getLogger("access"), Level.INFO, "{} {} {} {}us", null, new Object[] {
                    method, route, 200, 1234L
                });
        event.setMDCPropertyMap(Map.of("requestId", requestId, "userId", "0b1f0c2a-5e4c-4a79-9f53-7a3f1f0a2b3d"));
        event.setInstant(Instant.parse("2026-12-07T21:00:00.123456789Z"));
        event.setThreadName("tomcat-handler-" + HOSTILE);
        event.addKeyValuePair(new KeyValuePair("http.method", method));
        event.addKeyValuePair(new KeyValuePair("http.route", route));
        event.addKeyValuePair(new KeyValuePair("http.status", 200));
        event.addKeyValuePair(new KeyValuePair("duration.us", 1234L));
        return event;
    }

    private LoggingEvent event(String message, Map<String, String> context, List<KeyValuePair> pairs) {
        LoggingEvent event =
                new LoggingEvent("x", events.getLogger("dev.keelson." + HOSTILE), Level.WARN, message, null, null);
        event.setMDCPropertyMap(context);
        event.setInstant(Instant.parse("2026-12-07T21:00:00Z"));
        event.setThreadName("main");
        pairs.forEach(event::addKeyValuePair);
        return event;
    }
}

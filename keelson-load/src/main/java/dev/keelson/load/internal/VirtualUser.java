package dev.keelson.load.internal;

import dev.keelson.load.Check;
import dev.keelson.load.Scenario;
import dev.keelson.load.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario's virtual user: walks the steps in order, takes the next CSV row at the start of each iteration,
 * keeps extracted values for later steps. Used only when requests differ between sends; a static request is
 * encoded once instead.
 */
final class VirtualUser {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scenario scenario;
    private final RequestEncoder encoder;
    private final AtomicInteger feedCursor;
    private final Map<String, String> variables = new HashMap<>();
    private int step;
    private long thinkNanos;

    VirtualUser(Scenario scenario, RequestEncoder encoder, AtomicInteger feedCursor) {
        this.scenario = scenario;
        this.encoder = encoder;
        this.feedCursor = feedCursor;
    }

    /** Index of the current step. */
    int index() {
        return step;
    }

    Step current() {
        return scenario.steps().get(step);
    }

    /** Encodes the current step, starting a new iteration (next CSV row) at step 0. */
    ByteBuf encode(ByteBufAllocator alloc) {
        return encoder.encode(current(), variables(), alloc);
    }

    /** The variables to fill the current step with, starting a new iteration (next CSV row) at step 0. */
    Map<String, String> variables() {
        if (step == 0) {
            variables.clear();
            if (!scenario.feed().isEmpty()) {
                int row = Math.floorMod(
                        feedCursor.getAndIncrement(), scenario.feed().size());
                variables.putAll(scenario.feed().get(row));
            }
        }
        return variables;
    }

    /**
     * Checks the response against the current step and extracts its values; then moves to the next step (or back
     * to the first after a failure).
     *
     * @return true when the response was what the step expected
     */
    boolean accept(int status, byte[] body, int length) {
        Step s = current();
        boolean ok = (s.expect() == 0 ? status < 400 : status == s.expect()) && readBody(s, body, length);
        thinkNanos = ok ? s.think().toNanos() : 0;
        step = ok ? (step + 1) % scenario.steps().size() : 0;
        return ok;
    }

    /** The think time of the step that completed last, nanoseconds. */
    long thinkNanos() {
        return thinkNanos;
    }

    /** Forgets the current iteration (the connection was lost). */
    void restart() {
        step = 0;
    }

    /** Runs the step's checks and extractions on the body; false when one fails. */
    private boolean readBody(Step s, byte[] body, int length) {
        if (!s.needsBody()) return true;
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        JsonNode root = null;
        boolean json = !s.extract().isEmpty() || s.checks().stream().anyMatch(c -> !(c instanceof Check.BodyContains));
        if (json) {
            try {
                root = JSON.readTree(text);
            } catch (RuntimeException notJson) {
                return false;
            }
            if (root == null) return false;
        }
        for (Check check : s.checks()) {
            if (!passes(check, text, root)) return false;
        }
        return extract(s, root);
    }

    private static boolean passes(Check check, String text, JsonNode root) {
        return switch (check) {
            case Check.BodyContains c -> text.contains(c.text());
            case Check.JsonExists e ->
                !root.at(e.pointer()).isMissingNode() && !root.at(e.pointer()).isNull();
            case Check.JsonEquals e -> {
                JsonNode value = root.at(e.pointer());
                yield !value.isMissingNode()
                        && (value.isValueNode() ? value.asString() : value.toString()).equals(e.value());
            }
        };
    }

    private boolean extract(Step s, JsonNode root) {
        for (var entry : s.extract().entrySet()) {
            JsonNode value = root.at(entry.getValue());
            if (value.isMissingNode() || value.isNull()) return false;
            variables.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
        }
        return true;
    }
}

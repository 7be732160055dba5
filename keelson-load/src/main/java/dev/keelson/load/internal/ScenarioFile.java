package dev.keelson.load.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keelson.load.Check;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.Ramp;
import dev.keelson.load.Scenario;
import dev.keelson.load.Stage;
import dev.keelson.load.Step;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads scenario YAML files and their CSV feeds; every error names the file and, where known, the line. */
public final class ScenarioFile {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScenarioFile() {}

    record FileStep(
            String name,
            String method,
            @JsonProperty(required = true) String path,
            Map<String, String> headers,
            String body,
            Integer expect,
            Map<String, String> extract,
            String think,
            List<FileCheck> check) {}

    /** One entry of a step's {@code check:} list: {@code json: /pointer} (+ {@code equals: text}), or {@code contains: text}. */
    record FileCheck(String json, String equals, String contains) {}

    record FileScenario(
            @JsonProperty(required = true) String target,
            String feed,
            @JsonProperty(required = true) List<FileStep> steps,
            List<FileStage> stages) {}

    /** One of {@code stages:}: {@code duration: 30s} with {@code users: 200} or {@code rate: 200}. */
    record FileStage(String duration, Double users, Double rate) {}

    /** Reads and validates {@code file}. */
    public static Scenario read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw bad(file, "the scenario file does not exist");
        }
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw bad(file, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /**
     * Validates {@code text} as the contents of {@code file} (feeds are resolved beside it). Whatever the text, the
     * only exception is a usage-class {@link LoadException} naming what is wrong ({@code ScenarioFileFuzzTest}
     * holds it to that).
     */
    static Scenario parse(Path file, String text) {
        FileScenario parsed;
        try {
            parsed = YAML.readValue(text, FileScenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw bad(
                    file,
                    lineOf(text, e.getPropertyName()) + "unknown field '" + e.getPropertyName() + "'; known fields: "
                            + e.getKnownPropertyIds());
        } catch (JacksonException e) {
            throw bad(file, where(e) + e.getOriginalMessage());
        }
        if (parsed == null) throw bad(file, "the file is empty");
        if (parsed.target() == null)
            throw bad(file, "target: give the URL every step goes to, e.g. http://localhost:8080");
        if (parsed.steps() == null || parsed.steps().isEmpty())
            throw bad(file, "steps: the scenario needs at least one step");
        if (parsed.steps().contains(null)) throw bad(file, "steps: a step is empty");
        return toScenario(file, parsed);
    }

    /** The first line that defines {@code field}: Jackson reports the token after a skipped field. */
    private static String lineOf(String text, String field) {
        List<String> lines = text.lines().toList();
        Pattern definition = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(field) + "\\s*:");
        for (int i = 0; i < lines.size(); i++) {
            if (definition.matcher(lines.get(i)).find()) return "line " + (i + 1) + ": ";
        }
        return "";
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
    }

    private static Scenario toScenario(Path file, FileScenario parsed) {
        URI url = Target.parse(parsed.target());
        if (url.getRawPath() != null
                && !url.getRawPath().isEmpty()
                && !url.getRawPath().equals("/")) {
            throw bad(file, "target '" + parsed.target() + "' is scheme, host and port only; put paths in the steps");
        }
        URI target = URI.create(url.getScheme() + "://" + url.getRawAuthority());
        List<Map<String, String>> feed = parsed.feed() == null ? List.of() : readFeed(file, parsed.feed());
        Set<String> known =
                new HashSet<>(feed.isEmpty() ? Set.of() : feed.get(0).keySet());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < parsed.steps().size(); i++) {
            Step step = toStep(file, i, parsed.steps().get(i));
            if (steps.stream().anyMatch(other -> other.name().equalsIgnoreCase(step.name()))) {
                throw bad(
                        file,
                        "two steps are named '" + step.name() + "'; names must differ (reports and thresholds"
                                + " use them)");
            }
            checkPlaceholders(file, step, known);
            known.addAll(step.extract().keySet());
            steps.add(step);
        }
        return new Scenario(target, steps, feed, ramp(file, parsed.stages()));
    }

    private static Step toStep(Path file, int index, FileStep s) {
        String name = s.name() == null ? "step " + (index + 1) : s.name();
        try {
            String method = s.method() == null
                    ? (s.body() == null ? "GET" : "POST")
                    : s.method().toUpperCase(Locale.ROOT);
            return new Step(
                    name,
                    method,
                    s.path(),
                    s.headers(),
                    s.body(),
                    s.expect() == null ? 0 : s.expect(),
                    s.extract(),
                    s.think() == null ? null : Durations.parse(s.think(), "step '" + name + "': think"),
                    checks(name, s.check()));
        } catch (IllegalArgumentException | LoadException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static Ramp ramp(Path file, List<FileStage> stages) {
        if (stages == null || stages.isEmpty()) return null;
        List<Stage.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            FileStage s = stages.get(i);
            String where = "stages[" + (i + 1) + "]";
            if (s == null || s.duration() == null || (s.users() == null) == (s.rate() == null)) {
                throw bad(file, where + ": give a duration and either users or rate, e.g. {duration: 30s, users: 200}");
            }
            try {
                Stage stage = new Stage(
                        Durations.parse(s.duration(), where + ".duration"), s.users() != null ? s.users() : s.rate());
                parsed.add(new Stage.Parsed(stage, s.rate() != null));
            } catch (LoadException e) {
                throw bad(file, where + ": " + e.getMessage());
            }
        }
        try {
            return Ramp.of(parsed);
        } catch (LoadException e) {
            throw bad(file, "stages: " + e.getMessage());
        }
    }

    private static List<Check> checks(String step, List<FileCheck> checks) {
        List<Check> result = new ArrayList<>();
        for (FileCheck c : checks == null ? List.<FileCheck>of() : checks) {
            if (c == null
                    || (c.json() == null) == (c.contains() == null)
                    || (c.contains() != null && c.equals() != null)) {
                throw new IllegalArgumentException("step '" + step + "': each check is either 'json: /pointer'"
                        + " (with 'equals: value' or alone for exists) or 'contains: text'");
            }
            if (c.contains() != null) {
                result.add(new Check.BodyContains(c.contains()));
            } else {
                result.add(
                        c.equals() == null
                                ? new Check.JsonExists(c.json())
                                : new Check.JsonEquals(c.json(), c.equals()));
            }
        }
        return result;
    }

    private static void checkPlaceholders(Path file, Step step, Set<String> known) {
        StringBuilder text = new StringBuilder(step.path()).append(step.body() == null ? "" : step.body());
        step.headers().values().forEach(text::append);
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw bad(
                        file,
                        "step '" + step.name() + "' uses ${" + m.group(1)
                                + "}, which no CSV column and no earlier extract defines");
            }
        }
    }

    private static List<Map<String, String>> readFeed(Path scenarioFile, String feed) {
        Path csv = scenarioFile.toAbsolutePath().getParent().resolve(feed).normalize();
        if (!Files.isRegularFile(csv)) throw bad(scenarioFile, "feed file " + csv + " does not exist");
        try {
            List<Map<String, String>> all = CsvFeed.parse(Files.readAllBytes(csv));
            if (all.isEmpty()) throw bad(scenarioFile, "feed file " + csv + " has a header but no rows");
            return all;
        } catch (IllegalArgumentException e) {
            throw bad(scenarioFile, "feed file " + csv + ": " + e.getMessage());
        } catch (IOException e) {
            throw bad(scenarioFile, "feed file " + csv + " cannot be read: " + e.getMessage());
        }
    }

    private static LoadException bad(Path file, String message) {
        return new LoadException(LoadErrorCode.BAD_SCENARIO, "scenario " + file + ": " + message);
    }
}

package dev.keelson.cli.db;

import dev.keelson.cli.JsonDocument;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.lint.LintReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON document per result, for scripts. Field names are a contract: {@code command}, {@code schemaVersion}
 * (string or null), enum values in lower case with underscores ({@code missing_file}), durations in
 * {@code ...Ms} integer fields, instants in ISO-8601 UTC; a failure is {@code {"error":{"code":...,"message":...}}}.
 */
final class JsonDocuments {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonDocuments() {}

    static String migrate(MigrateResult result) {
        ObjectNode doc = command("migrate");
        doc.put("dryRun", result.dryRun());
        version(doc, "schemaVersion", result.schemaVersion());
        executed(doc.putArray("migrations"), result.migrations());
        return write(doc);
    }

    static String rollback(RollbackResult result) {
        ObjectNode doc = command("rollback");
        doc.put("dryRun", result.dryRun());
        version(doc, "schemaVersion", result.schemaVersion());
        executed(doc.putArray("undone"), result.undone());
        return write(doc);
    }

    static String status(StatusReport report) {
        ObjectNode doc = command("status");
        version(doc, "schemaVersion", report.schemaVersion());
        ObjectNode counts = doc.putObject("counts");
        for (MigrationState state : MigrationState.values()) {
            counts.put(name(state), report.inState(state).size());
        }
        ArrayNode rows = doc.putArray("migrations");
        for (MigrationInfo m : report.migrations()) {
            ObjectNode row = rows.addObject();
            row.put("state", name(m.state()));
            version(row, "version", Optional.ofNullable(m.version()));
            row.put("description", m.description());
            row.put("type", name(m.type()));
            row.put("script", m.script());
            row.put("checksum", m.checksum());
            row.put("appliedAt", m.appliedAt() == null ? null : m.appliedAt().toString());
            row.put("appliedBy", m.appliedBy());
            millis(row, "executionTimeMs", m.executionTime());
            row.put("failure", m.failure());
            row.put("hasUndo", m.hasUndo());
        }
        return write(doc);
    }

    static String validate(ValidationResult result) {
        ObjectNode doc = command("validate");
        doc.put("valid", result.valid());
        ArrayNode problems = doc.putArray("problems");
        for (ValidationProblem p : result.problems()) {
            ObjectNode problem = problems.addObject();
            problem.put("state", name(p.state()));
            version(problem, "version", Optional.ofNullable(p.version()));
            problem.put("script", p.script());
            problem.put("message", p.message());
        }
        return write(doc);
    }

    static String repair(RepairResult result) {
        ObjectNode doc = command("repair");
        strings(doc.putArray("removedFailures"), result.removedFailures());
        strings(doc.putArray("realignedChecksums"), result.realignedChecksums());
        strings(doc.putArray("removedMissing"), result.removedMissing());
        strings(doc.putArray("resumePoints"), result.resumePoints());
        strings(doc.putArray("upgradedChecksums"), result.upgradedChecksums());
        return write(doc);
    }

    static String baseline(Version version, String description) {
        ObjectNode doc = command("baseline");
        doc.put("schemaVersion", version.toString());
        doc.put("description", description);
        return write(doc);
    }

    static String error(String code, String message) {
        return error(code, message, null, List.of());
    }

    /** An error, and in {@code field} what the command finished before it (omitted when nothing was finished). */
    static String error(String code, String message, String field, List<ExecutedMigration> completed) {
        ObjectNode doc = JsonDocument.failure();
        ObjectNode error = doc.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (field != null && !completed.isEmpty()) {
            executed(doc.putArray(field), completed);
        }
        return write(doc);
    }

    /** A lint failure: the error, and under {@code lint} the report as {@code db lint --format json} prints it. */
    static String lintFailure(String code, String message, LintReport report) {
        ObjectNode doc = JsonDocument.failure();
        ObjectNode error = doc.putObject("error");
        error.put("code", code);
        error.put("message", message);
        doc.set("lint", MAPPER.readTree(LintDocuments.json(report)));
        return write(doc);
    }

    private static void executed(ArrayNode array, List<ExecutedMigration> migrations) {
        for (ExecutedMigration m : migrations) {
            ObjectNode row = array.addObject();
            row.put("type", name(m.type()));
            version(row, "version", Optional.ofNullable(m.version()));
            row.put("description", m.description());
            row.put("script", m.script());
            millis(row, "executionTimeMs", m.duration());
            strings(row.putArray("statements"), m.statements());
        }
    }

    private static ObjectNode command(String name) {
        return JsonDocument.of("db " + name);
    }

    private static void version(ObjectNode node, String field, Optional<Version> version) {
        if (version.isPresent()) {
            node.put(field, version.get().toString());
        } else {
            node.putNull(field);
        }
    }

    private static void millis(ObjectNode node, String field, Duration duration) {
        if (duration == null) {
            node.putNull(field);
        } else {
            node.put(field, duration.toMillis());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String write(ObjectNode doc) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}

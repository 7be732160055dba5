package dev.keelson.cli.db;

import dev.keelson.cli.Colours;
import dev.keelson.cli.JsonDocument;
import dev.keelson.cli.Keelson;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three renderings of a {@link LintReport}. Text: per finding {@code file:line: severity [rule] message} and
 * indented {@code why:} / {@code fix:} lines, then a summary. JSON: {@code command}, {@code checkedFiles},
 * {@code errors}, {@code warnings}, {@code suppressed}, {@code findings[]} with {@code file, line, rule, severity,
 * message, why, fix}. SARIF 2.1.0: one run, every rule in the driver, one result per finding.
 */
final class LintDocuments {
    private LintDocuments() {}

    /**
     * Jackson, built at the first JSON or SARIF document: the text rendering (which {@code migrate} prints for its
     * lint warnings) would otherwise load and initialise about 500 of Jackson's classes at the end of the run.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    static String text(LintReport report) {
        return text(report, Colours.NONE);
    }

    /** The findings for a person, each severity coloured (errors red, warnings yellow). */
    static String text(LintReport report, Colours colours) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(f.file())
                    .append(':')
                    .append(f.line())
                    .append(": ")
                    .append(
                            f.severity() == Severity.ERROR
                                    ? colours.red(f.severity().label())
                                    : colours.yellow(f.severity().label()))
                    .append(" [")
                    .append(f.rule())
                    .append("] ")
                    .append(f.message())
                    .append('\n')
                    .append("  why: ")
                    .append(f.why())
                    .append('\n')
                    .append("  fix: ")
                    .append(f.fix())
                    .append("\n\n");
        }
        int files = report.checkedFiles().size();
        b.append(files)
                .append(files == 1 ? " file" : " files")
                .append(" checked: ")
                .append(count(report.errors(), "error"))
                .append(", ")
                .append(count(report.warnings(), "warning"));
        if (report.suppressed() > 0) {
            b.append(", ").append(report.suppressed()).append(" suppressed");
        }
        return b.toString();
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String json(LintReport report) {
        ObjectNode doc = JsonDocument.of("db lint");
        ArrayNode files = doc.putArray("checkedFiles");
        report.checkedFiles().forEach(files::add);
        doc.put("errors", report.errors());
        doc.put("warnings", report.warnings());
        doc.put("suppressed", report.suppressed());
        ArrayNode findings = doc.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("rule", f.rule());
            n.put("severity", f.severity().label());
            n.put("message", f.message());
            n.put("why", f.why());
            n.put("fix", f.fix());
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    static String sarif(LintReport report) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        doc.put("version", "2.1.0");
        ObjectNode run = doc.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "keelson db lint");
        String version = Keelson.class.getPackage().getImplementationVersion();
        driver.put("version", version == null ? "development" : version);
        driver.put("informationUri", "https://keelson.dev/docs/db-lint-diff");
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo rule : Linter.rules()) {
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.summary());
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message() + ". Why: " + f.why() + ". Fix: " + f.fix() + ".");
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", f.file());
            location.putObject("region").put("startLine", f.line());
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : severity == Severity.WARNING ? "warning" : "none";
    }
}

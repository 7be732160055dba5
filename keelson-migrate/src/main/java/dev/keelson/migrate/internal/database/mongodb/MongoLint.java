package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.LintFailedException;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.lint.Rules;
import dev.keelson.migrate.internal.lint.Suppression;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The lint of MongoDB migration files. Files are read in version order, each undo file after its versioned file
 * (what an undo does is not carried forward), so the lint knows which collections exist and which validators they
 * have; findings are reported only for the checked files. A collection created earlier in the same file, or in an
 * earlier checked file of the same run, is new: nothing on it can lock anyone out or lose data. Findings are
 * silenced as in SQL files, by a comment {@code // keelson:lint-ignore RULE reason} inside the command or on a line
 * before it.
 */
public final class MongoLint {
    private MongoLint() {}

    /**
     * Lints {@code files} (the {@code .json} ones; others are skipped), as {@link dev.keelson.migrate.lint.Linter}
     * does for {@link dev.keelson.migrate.lint.LintDialect#MONGODB}. Placeholders are left as written.
     *
     * @param inRun         whether the checked files are applied together, in one run (a collection an earlier checked
     *                      file creates is new in later ones)
     * @param severities    rule id → severity, overriding the defaults (ids of other databases' rules are ignored)
     * @param serverVersion the server's version ({@code buildInfo}), e.g. {@code 7.0.5}; {@code null} for 4.2 or later
     * @throws MigrationException {@code JSON_PARSE_ERROR} naming file and line, {@code INVALID_FILE_NAME}
     */
    public static LintReport lint(
            List<LintFile> files, Map<String, Severity> severities, String serverVersion, boolean inRun) {
        List<CommandFile> parsed = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (LintFile f : files) {
            if (f.fileName().endsWith(".json")) {
                CommandFile.read(f.fileName(), f.path(), f.content(), null).ifPresent(parsed::add);
                if (f.checked()) {
                    checked.add(f.fileName());
                }
            }
        }
        parsed.sort(Comparator.comparing(CommandFile::version).thenComparing(CommandFile::type));
        return new Run(severities, serverVersion, inRun).lint(parsed, checked);
    }

    /**
     * The lint {@code migrate} and {@code rollback} run before anything: errors stop the command.
     *
     * @throws LintFailedException when a finding is an error
     */
    static LintReport check(
            CommandCatalog catalog, List<CommandStep> toRun, LintPolicy policy, String serverVersion, String what) {
        Set<String> checked = new HashSet<>();
        toRun.forEach(s -> checked.add(s.file().fileName()));
        String version = policy.serverVersion() != null ? policy.serverVersion() : serverVersion;
        // findings name the file, as the SQL lint before migrate does
        List<CommandFile> files = ordered(catalog).stream()
                .map(f -> new CommandFile(
                        f.type(),
                        f.version(),
                        f.description(),
                        f.fileName(),
                        f.fileName(),
                        f.content(),
                        f.commands(),
                        f.checksum()))
                .toList();
        LintReport report = new Run(policy.severities(), version, true).lint(files, checked);
        if (report.errors() > 0) {
            throw new LintFailedException(
                    "The lint found " + report.errors() + " error(s) in the " + what
                            + " (each names file, line and rule); nothing was run. Fix them, or silence one with a line"
                            + " `// keelson:lint-ignore RULE reason` in or before its command",
                    report);
        }
        return report;
    }

    private static List<CommandFile> ordered(CommandCatalog catalog) {
        List<CommandFile> files = new ArrayList<>();
        for (CommandFile v : catalog.versioned().values()) {
            files.add(v);
            catalog.undoOf(v.version()).ifPresent(files::add);
        }
        return files;
    }

    /** One lint run: the collections known so far and their validators. */
    private static final class Run {
        private final Map<String, Severity> severities;
        private final boolean before42;
        private final boolean inRun;
        private final Set<String> createdInRun = new HashSet<>();
        private final Map<String, BsonDocument> validation = new HashMap<>();

        Run(Map<String, Severity> severities, String serverVersion, boolean inRun) {
            this.severities = severities;
            this.before42 = serverVersion != null && serverVersion.matches("([0-3]|4\\.[01])(\\..*)?");
            this.inRun = inRun;
        }

        LintReport lint(List<CommandFile> files, Set<String> checked) {
            List<Finding> findings = new ArrayList<>();
            int suppressed = 0;
            List<String> checkedFiles = new ArrayList<>();
            for (CommandFile file : files) {
                boolean reported = checked.contains(file.fileName());
                boolean undo = file.type() == MigrationType.UNDO;
                Map<String, BsonDocument> seen = undo ? new HashMap<>(validation) : validation;
                List<Finding> found = lintFile(file, undo, seen);
                if (!undo && reported && inRun) {
                    created(file).forEach(createdInRun::add);
                }
                if (!reported) {
                    continue;
                }
                checkedFiles.add(file.origin());
                List<Suppression> suppressions = Suppression.in(file.content());
                findings.addAll(badSuppressions(file, suppressions));
                for (Finding f : found) {
                    if (suppressions.stream().anyMatch(s -> silences(s, f, file))) {
                        suppressed++;
                    } else {
                        findings.add(f);
                    }
                }
            }
            findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
            return new LintReport(checkedFiles, findings, suppressed);
        }

        private List<Finding> lintFile(CommandFile file, boolean undo, Map<String, BsonDocument> validators) {
            List<Finding> found = new ArrayList<>();
            Set<String> newHere = new HashSet<>(createdInRun);
            for (Command c : file.commands()) {
                String coll = c.collection();
                boolean existing = !newHere.contains(coll);
                switch (c.name()) {
                    case "create" -> newHere.add(coll);
                    case "createIndexes" -> {
                        if (existing) {
                            boolean background = indexes(c).stream()
                                    .allMatch(i -> i.isDocument()
                                            && i.asDocument()
                                                    .getBoolean("background", new org.bson.BsonBoolean(false))
                                                    .getValue());
                            if (before42 && !background) {
                                report(found, file, c, MongoRules.INDEX_BLOCKING, "foreground index build on " + coll);
                            } else if (!before42) {
                                report(
                                        found,
                                        file,
                                        c,
                                        MongoRules.INDEX_ON_EXISTING,
                                        "index build on existing collection " + coll);
                            }
                        }
                    }
                    case "update", "delete" -> {
                        String list = c.name().equals("update") ? "updates" : "deletes";
                        if (existing && unfiltered(c.body(), list)) {
                            report(
                                    found,
                                    file,
                                    c,
                                    MongoRules.WRITE_WITHOUT_FILTER,
                                    c.name() + " of every document of " + coll + " (empty or missing \"q\")");
                        }
                    }
                    case "drop", "dropIndexes" -> {
                        if (!undo && existing) {
                            report(
                                    found,
                                    file,
                                    c,
                                    MongoRules.DROP,
                                    (c.name().equals("drop") ? "collection " : "index(es) of ") + coll + " dropped");
                        }
                        if (c.name().equals("drop")) {
                            newHere.remove(coll);
                            validators.remove(coll);
                        }
                    }
                    case "dropDatabase" -> {
                        if (!undo) {
                            report(found, file, c, MongoRules.DROP, "database dropped");
                        }
                    }
                    case "renameCollection" -> {
                        String from = shortName(coll);
                        String to = shortName(c.body()
                                .get("to", new org.bson.BsonString(""))
                                .asString()
                                .getValue());
                        if (!undo && !newHere.contains(from)) {
                            report(found, file, c, MongoRules.RENAME, "collection " + from + " renamed to " + to);
                        } else if (newHere.remove(from)) {
                            newHere.add(to);
                        }
                        BsonDocument v = validators.remove(from);
                        if (v != null) {
                            validators.put(to, v);
                        }
                    }
                    case "collMod" -> collMod(found, file, c, existing, validators);
                    default -> {}
                }
                if (c.name().equals("create") && c.body().containsKey("validator")) {
                    validators.put(coll, validationOf(c.body(), null));
                }
            }
            return found;
        }

        private void collMod(
                List<Finding> found,
                CommandFile file,
                Command c,
                boolean existing,
                Map<String, BsonDocument> validators) {
            String coll = c.collection();
            BsonDocument before = validators.get(coll);
            BsonDocument after = validationOf(c.body(), before);
            validators.put(coll, after);
            boolean enforced = !"warn".equals(after.getString("action").getValue());
            if (!existing || !c.body().containsKey("validator") || !enforced) {
                return;
            }
            boolean warnedFirst = before != null
                    && "warn".equals(before.getString("action").getValue())
                    && before.get("validator").equals(after.get("validator"));
            if (!warnedFirst) {
                report(
                        found,
                        file,
                        c,
                        MongoRules.VALIDATOR_WITHOUT_WARN,
                        "validator of " + coll + " enforced (validationAction \""
                                + after.getString("action").getValue() + "\") without a \"warn\" step first");
            }
        }

        /** {@code {validator, action}} after a create or collMod, carrying over what it does not set. */
        private static BsonDocument validationOf(BsonDocument command, BsonDocument before) {
            BsonValue validator = command.containsKey("validator")
                    ? command.get("validator")
                    : before == null ? new BsonDocument() : before.get("validator");
            BsonValue action = command.containsKey("validationAction")
                    ? command.get("validationAction")
                    : command.containsKey("validator") || before == null
                            ? new org.bson.BsonString("error")
                            : before.get("action");
            return new BsonDocument("validator", validator)
                    .append("action", action.isString() ? action : new org.bson.BsonString("error"));
        }

        private static boolean unfiltered(BsonDocument body, String list) {
            BsonValue entries = body.get(list);
            if (entries == null || !entries.isArray()) {
                return false;
            }
            for (BsonValue e : entries.asArray()) {
                BsonValue q = e.isDocument() ? e.asDocument().get("q") : null;
                if (q == null || q.isDocument() && q.asDocument().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private static BsonArray indexes(Command c) {
            BsonValue v = c.body().get("indexes");
            return v != null && v.isArray() ? v.asArray() : new BsonArray();
        }

        private static String shortName(String namespace) {
            int dot = namespace.indexOf('.');
            return dot < 0 ? namespace : namespace.substring(dot + 1);
        }

        private static Set<String> created(CommandFile file) {
            Set<String> created = new HashSet<>();
            for (Command c : file.commands()) {
                if (c.name().equals("create")) {
                    created.add(c.collection());
                }
            }
            return created;
        }

        private void report(List<Finding> found, CommandFile file, Command c, RuleInfo rule, String message) {
            Severity severity = severities.getOrDefault(rule.id(), rule.defaultSeverity());
            if (severity == Severity.OFF) {
                return;
            }
            String[] whyFix = MongoRules.WHY_FIX.get(rule.id());
            found.add(new Finding(
                    file.fileName(),
                    c.line(),
                    rule.id(),
                    severity,
                    "command " + c.position() + " (" + c.name() + "): " + message,
                    whyFix[0],
                    whyFix[1]));
        }

        private List<Finding> badSuppressions(CommandFile file, List<Suppression> suppressions) {
            Set<String> known = new HashSet<>();
            MongoRules.all().forEach(r -> known.add(r.id()));
            List<Finding> bad = new ArrayList<>();
            Severity severity = severities.getOrDefault(Rules.BAD_SUPPRESSION, Severity.ERROR);
            for (Suppression s : suppressions) {
                if ((s.reason().isEmpty() || !known.contains(s.rule())) && severity != Severity.OFF) {
                    bad.add(new Finding(
                            file.origin(),
                            s.line(),
                            Rules.BAD_SUPPRESSION,
                            severity,
                            s.reason().isEmpty()
                                    ? "keelson:lint-ignore " + s.rule() + " gives no reason"
                                    : "keelson:lint-ignore names no known MongoDB rule: '" + s.rule() + "'",
                            "a silenced finding without a reason cannot be reviewed",
                            "write // keelson:lint-ignore <rule-id> <why this is safe here>"));
                }
            }
            return bad;
        }

        /** A suppression silences its rule in the command it stands in, or the first command after it. */
        private static boolean silences(Suppression s, Finding f, CommandFile file) {
            if (!s.rule().equals(f.rule()) || s.reason().isEmpty()) {
                return false;
            }
            return file.commands().stream()
                    .filter(c -> c.endLine() >= s.line())
                    .findFirst()
                    .map(c -> c.line() == f.line())
                    .orElse(false);
        }
    }
}

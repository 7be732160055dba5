package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.LintFailedException;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.lint.Rules;
import dev.keelson.migrate.internal.lint.Suppression;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.nio.file.Path;
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
    static final RuleInfo INDEX_BLOCKING = new RuleInfo(
            "mongo-index-blocking",
            Severity.ERROR,
            "mongodb",
            "a foreground index build on an existing collection (MongoDB before 4.2): blocks the whole database");
    static final RuleInfo INDEX_ON_EXISTING = new RuleInfo(
            "mongo-index-on-existing-collection",
            Severity.WARNING,
            "mongodb",
            "an index build on an existing collection (MongoDB 4.2 and later): exclusive locks at its start and end");
    static final RuleInfo WRITE_WITHOUT_FILTER = new RuleInfo(
            "mongo-write-without-filter",
            Severity.ERROR,
            "mongodb",
            "an update or delete with an empty or missing filter on an existing collection");
    static final RuleInfo DROP = new RuleInfo(
            "mongo-drop", Severity.ERROR, "mongodb", "dropping a collection, a database or an index that exists");
    static final RuleInfo VALIDATOR_WITHOUT_WARN = new RuleInfo(
            "mongo-validator-without-warn",
            Severity.ERROR,
            "mongodb",
            "a validator enforced on an existing collection without a validationAction \"warn\" step first");
    static final RuleInfo RENAME =
            new RuleInfo("mongo-rename-collection", Severity.WARNING, "mongodb", "renaming a collection that exists");

    private static final Map<String, String[]> WHY_FIX = Map.of(
            INDEX_BLOCKING.id(),
            new String[] {
                "before 4.2 a foreground build holds the database's exclusive lock until it ends: every read and write"
                        + " of every collection in the database waits",
                "add \"background\": true to each index, or upgrade to MongoDB 4.2+, whose builds lock only at start"
                        + " and end"
            },
            INDEX_ON_EXISTING.id(),
            new String[] {
                "the build takes an exclusive collection lock at its start and end, waiting for running operations;"
                        + " on a replica set every voting member builds it (commitQuorum), and a unique index fails"
                        + " late, after the scan, when the data has a duplicate",
                "run it in a quiet hour, check uniqueness beforehand, and suppress this warning with"
                        + " // keelson:lint-ignore mongo-index-on-existing-collection <reason>"
            },
            WRITE_WITHOUT_FILTER.id(),
            new String[] {
                "it changes every document of the collection in one command, on a busy collection",
                "give a filter ({\"q\": {\"field\": {\"$exists\": false}}}) so a rerun touches only what is left, and"
                        + " suppress the finding when every document is meant"
            },
            DROP.id(),
            new String[] {
                "during a rolling deploy the old version of the code still reads and writes it; the data is gone for"
                        + " good",
                "stop using it in a release first, drop it in a later migration, and suppress this finding there with"
                        + " // keelson:lint-ignore mongo-drop <reason>"
            },
            VALIDATOR_WITHOUT_WARN.id(),
            new String[] {
                "documents that the running code writes and the new validator rejects fail at once; nothing told you"
                        + " beforehand which writes those are",
                "first collMod the validator with \"validationAction\": \"warn\" (violations are logged, not refused),"
                        + " then switch to \"error\" in a later migration once the log is clean"
            },
            RENAME.id(),
            new String[] {
                "during a rolling deploy the old version of the code still uses the old name and fails",
                "create the new collection, write to both, backfill, switch reads, then drop the old one later"
            });

    private MongoLint() {}

    /** Every MongoDB rule, documented. */
    public static List<RuleInfo> rules() {
        return List.of(INDEX_BLOCKING, INDEX_ON_EXISTING, WRITE_WITHOUT_FILTER, DROP, VALIDATOR_WITHOUT_WARN, RENAME);
    }

    /**
     * Lints the MongoDB files of {@code folder} (recursively), no database needed.
     *
     * @param checked       file names to report on; {@code null} for all
     * @param severities    rule id → severity, overriding the defaults
     * @param serverVersion the server's version ({@code buildInfo}), e.g. {@code 7.0.5}; {@code null} for 4.2 or later
     * @throws MigrationException {@code LOCATION_NOT_FOUND}, {@code JSON_PARSE_ERROR}, {@code INVALID_FILE_NAME},
     *     {@code CONFIGURATION} for a severity of an unknown rule
     */
    public static LintReport lintFolder(
            Path folder, Set<String> checked, Map<String, Severity> severities, String serverVersion) {
        CommandCatalog catalog = CommandCatalog.load(
                List.of(dev.keelson.migrate.MigrationLocation.folder(folder)),
                new Placeholders(Map.of()),
                MongoLint.class.getClassLoader());
        List<CommandFile> all = ordered(catalog);
        Set<String> names = new HashSet<>();
        all.stream()
                .map(CommandFile::fileName)
                .filter(n -> checked == null || checked.contains(n))
                .forEach(names::add);
        return new MongoLint.Run(severities, serverVersion, false).lint(all, names);
    }

    /**
     * The lint {@code migrate} and {@code rollback} run before anything: errors stop the command.
     *
     * @throws LintFailedException when a finding is an error
     */
    static LintReport check(
            CommandCatalog catalog, List<Step> toRun, LintPolicy policy, String serverVersion, String what) {
        Set<String> checked = new HashSet<>();
        toRun.forEach(s -> checked.add(s.file().fileName()));
        String version = policy.serverVersion() != null ? policy.serverVersion() : serverVersion;
        LintReport report = new Run(policy.severities(), version, true).lint(ordered(catalog), checked);
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
            Set<String> ids = new HashSet<>();
            rules().forEach(r -> ids.add(r.id()));
            for (String id : severities.keySet()) {
                if (!ids.contains(id) && !id.equals(Rules.BAD_SUPPRESSION)) {
                    throw new MigrationException(
                            ErrorCode.CONFIGURATION,
                            "No MongoDB lint rule '" + id + "'; the rules are: "
                                    + String.join(
                                            ", ",
                                            rules().stream().map(RuleInfo::id).toList()));
                }
            }
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
                List<Finding> found = lintFile(file, undo, seen, reported && (inRun || true));
                if (!undo && reported && inRun) {
                    created(file).forEach(createdInRun::add);
                }
                if (!reported) {
                    continue;
                }
                checkedFiles.add(file.fileName());
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

        private List<Finding> lintFile(
                CommandFile file, boolean undo, Map<String, BsonDocument> validators, boolean reported) {
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
                                report(found, file, c, INDEX_BLOCKING, "foreground index build on " + coll);
                            } else if (!before42) {
                                report(found, file, c, INDEX_ON_EXISTING, "index build on existing collection " + coll);
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
                                    WRITE_WITHOUT_FILTER,
                                    c.name() + " of every document of " + coll + " (empty or missing \"q\")");
                        }
                    }
                    case "drop", "dropIndexes" -> {
                        if (!undo && existing) {
                            report(
                                    found,
                                    file,
                                    c,
                                    DROP,
                                    (c.name().equals("drop") ? "collection " : "index(es) of ") + coll + " dropped");
                        }
                        if (c.name().equals("drop")) {
                            newHere.remove(coll);
                            validators.remove(coll);
                        }
                    }
                    case "dropDatabase" -> {
                        if (!undo) {
                            report(found, file, c, DROP, "database dropped");
                        }
                    }
                    case "renameCollection" -> {
                        String from = shortName(coll);
                        String to = shortName(c.body()
                                .get("to", new org.bson.BsonString(""))
                                .asString()
                                .getValue());
                        if (!undo && !newHere.contains(from)) {
                            report(found, file, c, RENAME, "collection " + from + " renamed to " + to);
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
                        VALIDATOR_WITHOUT_WARN,
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
            String[] whyFix = WHY_FIX.get(rule.id());
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
            rules().forEach(r -> known.add(r.id()));
            List<Finding> bad = new ArrayList<>();
            Severity severity = severities.getOrDefault(Rules.BAD_SUPPRESSION, Severity.ERROR);
            for (Suppression s : suppressions) {
                if ((s.reason().isEmpty() || !known.contains(s.rule())) && severity != Severity.OFF) {
                    bad.add(new Finding(
                            file.fileName(),
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

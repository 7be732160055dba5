package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.resolve.ScriptName;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlParseException;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One lint run over a folder's files: versioned files in version order (each followed by its undo file, which
 * sees the schema the versioned file left), then repeatable ones; a {@link SchemaState} carried through all of
 * them; findings kept for checked files, minus suppressed ones.
 *
 * <p>Which tables are new (empty, so safe to index, alter or fill without care): with {@link #together} the checked
 * files are one run applied in order on the database the unchecked ones left, so a table created by an earlier
 * checked file is new in every later one, as {@code migrate} applies them; otherwise each file is its own deploy and
 * only tables created earlier in the same file are new. Undo files run later, on tables that may hold rows: for
 * them nothing is new.
 *
 * <p>A statement the lint cannot read (an unclosed parenthesis, a file cut short) ends the run with
 * {@code SQL_PARSE_ERROR} naming the file and line; no input makes it throw anything else.
 */
public final class LintRun {
    private final LintConfig config;
    private final List<Rule> rules;
    /** The rules whose severity is not {@code OFF}, in order: decided once, asked for every statement. */
    private final List<Rule> active;

    private final ServerVersion server;
    private final SplitRules splitRules;
    private final List<Finding> findings = new ArrayList<>();
    private int suppressed;

    private final boolean together;

    /** A run where each file is its own deploy. */
    public LintRun(LintConfig config, List<Rule> rules) {
        this(config, rules, false);
    }

    /** A run where the checked files are applied {@code together} in one migrate when true. */
    public LintRun(LintConfig config, List<Rule> rules, boolean together) {
        this.config = config;
        this.rules = rules;
        this.active = rules.stream()
                .filter(r -> severity(r.info().id(), r.info().defaultSeverity()) != Severity.OFF)
                .toList();
        this.server = ServerVersion.parse(config.serverVersion());
        this.splitRules = splitRules(config);
        this.together = together;
    }

    public LintReport run(List<LintFile> files) {
        SchemaState schema = new SchemaState();
        Set<String> undoVersions = new HashSet<>();
        List<Named> named = files.stream().map(Named::of).toList();
        named.stream()
                .filter(n -> n.name() != null && n.name().type() == MigrationType.UNDO)
                .forEach(n -> undoVersions.add(n.name().version().toString()));
        List<Named> ordered = named.stream().sorted(ORDER).toList();
        boolean carryUnchecked = files.stream().anyMatch(f -> f.checked() && mentionsAlter(f.content()));
        for (Named file : ordered) {
            // an undo file sees the schema its versioned file left, but what it does is not carried forward
            boolean undo = file.name() != null && file.name().type() == MigrationType.UNDO;
            boolean inRun = together && file.file().checked();
            if (!file.file().checked()) {
                if (!undo) { // an unchecked undo file would change only a copy: nothing to read
                    if (carryUnchecked) {
                        carry(file.file(), schema);
                    }
                    schema.forgetNew(); // applied already: what it created may hold rows by now
                }
                continue;
            }
            SchemaState seen = undo ? schema.copy() : schema;
            if (undo || !inRun) {
                seen.forgetNew();
            }
            lintFile(file, FileContext.of(file.file(), file.name(), config.dialect(), server, seen, undoVersions));
            if (!inRun) {
                seen.forgetNew(); // its own deploy: what it created may hold rows by now
            }
        }
        List<String> checked = ordered.stream()
                .filter(n -> n.file().checked())
                .map(n -> n.file().path())
                .toList();
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return new LintReport(checked, findings, suppressed);
    }

    private void lintFile(Named named, FileContext context) {
        LintFile file = named.file();
        List<SqlStatement> statements = split(file);
        List<LintStatement> parsed = new ArrayList<>();
        List<Finding> raw = new ArrayList<>();
        Tokenizer tokenizer = new Tokenizer(config.dialect());
        for (SqlStatement s : statements) {
            LintStatement statement = new LintStatement(s.sql(), s.line(), new Tokens(tokenizer.tokenize(s.sql())));
            refuseUnbalanced(file, statement);
            parsed.add(statement);
            if (file.checked()) {
                for (Rule rule : active) {
                    rule.check(statement, context, (line, message) -> raw.add(finding(file, rule, line, message)));
                }
            }
            apply(statement, context);
        }
        if (file.checked()) {
            for (Rule rule : active) {
                rule.checkFile(context, (line, message) -> raw.add(finding(file, rule, line, message)));
            }
            keepUnsuppressed(file, parsed, raw);
        }
    }

    /**
     * Carries what an unchecked (applied) file did to the schema, and nothing else: only its statements that can
     * change what {@link SchemaState} knows ({@code CREATE ... TABLE}, {@code CREATE MATERIALIZED VIEW},
     * {@code ALTER}, {@code DROP}, {@code RENAME}) are tokenized; its indexes, inserts and updates are not, since no
     * rule looks back at them. The rules that need an earlier file's schema are the column-type ones
     * ({@code pg-type-change-rewrites-table}, {@code mysql-table-copy}) and {@code pg-set-not-null-without-check}
     * (a validated {@code CHECK} made earlier); which tables are new needs no applied file (what they created
     * exists).
     */
    private void carry(LintFile file, SchemaState schema) {
        Tokenizer tokenizer = null;
        FileContext context = null;
        for (SqlStatement s : split(file)) {
            if (!SchemaState.mayChange(s.sql())) {
                continue;
            }
            if (tokenizer == null) {
                tokenizer = new Tokenizer(config.dialect());
                context = FileContext.of(file, null, config.dialect(), server, schema, Set.of());
            }
            LintStatement statement = new LintStatement(s.sql(), s.line(), new Tokens(tokenizer.tokenize(s.sql())));
            refuseUnbalanced(file, statement);
            apply(statement, context);
        }
    }

    /**
     * False when {@code content} has no {@code ALTER} anywhere (a word or not, in a comment or not): then no
     * statement of it is an {@code ALTER TABLE}, the only statement whose rules ({@link ActionRule}) ask the schema
     * for what unchecked files did, so those files need not be read at all. The cheap common case of a run that
     * only creates tables, indexes and rows.
     */
    static boolean mentionsAlter(String content) {
        for (int i = 0; i + 5 <= content.length(); i++) {
            char c = content.charAt(i);
            if ((c == 'A' || c == 'a') && content.regionMatches(true, i, "ALTER", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** Parentheses that do not pair up: the file is cut short or broken; the database would refuse it too. */
    private static void refuseUnbalanced(LintFile file, LintStatement statement) {
        int depth = 0;
        for (Token t : statement.tokens().list()) {
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth < 0) {
                throw new MigrationException(
                        MigrationErrorCode.SQL_PARSE_ERROR,
                        file.path() + " line " + statement.lineOf(t)
                                + ": a ')' closes no '('; fix the statement that starts on line " + statement.line());
            }
        }
        if (depth > 0) {
            throw new MigrationException(
                    MigrationErrorCode.SQL_PARSE_ERROR,
                    file.path() + " line " + statement.line() + ": the statement ends with " + depth
                            + " '(' not closed (is the file cut short?); fix it");
        }
    }

    private static void apply(LintStatement statement, FileContext context) {
        context.schema().apply(statement);
        if (statement.tokens().startsWith("SET")) {
            String text = statement
                    .tokens()
                    .text(1, statement.tokens().size())
                    .replace(" ", "")
                    .replace("session", "");
            context.settings().add(text.replace("@@", ""));
        }
    }

    /** The splitting rules of the SQL database whose lint dialect the files are written for. */
    private static SplitRules splitRules(LintConfig config) {
        return Databases.dialects().stream()
                .filter(d -> d.lintDialect().orElse(null) == config.dialect())
                .findFirst()
                .map(Dialect::splitRules)
                .orElseThrow(() -> new IllegalArgumentException("no SQL lint for " + config.dialect()));
    }

    private List<SqlStatement> split(LintFile file) {
        try {
            return new StatementSplitter(splitRules).split(file.content());
        } catch (SqlParseException e) {
            throw new MigrationException(MigrationErrorCode.SQL_PARSE_ERROR, file.path() + ": " + e.getMessage(), e);
        }
    }

    private Severity severity(String rule, Severity fallback) {
        return config.severities().getOrDefault(rule, fallback);
    }

    private Finding finding(LintFile file, Rule rule, int line, String message) {
        return new Finding(
                file.path(),
                line,
                rule.info().id(),
                severity(rule.info().id(), rule.info().defaultSeverity()),
                message,
                rule.why(),
                rule.fix());
    }

    private void keepUnsuppressed(LintFile file, List<LintStatement> statements, List<Finding> raw) {
        List<Suppression> suppressions = Suppression.in(file.content());
        Set<String> known = new HashSet<>();
        rules.forEach(r -> known.add(r.info().id()));
        known.add(UndoVerifier.INFO.id());
        for (Suppression s : suppressions) {
            if (s.reason().isEmpty() || !known.contains(s.rule())) {
                findings.add(new Finding(
                        file.path(),
                        s.line(),
                        Rules.BAD_SUPPRESSION,
                        severity(Rules.BAD_SUPPRESSION, Severity.ERROR),
                        s.reason().isEmpty()
                                ? "keelson:lint-ignore " + s.rule() + " gives no reason"
                                : "keelson:lint-ignore names no known rule: '" + s.rule() + "'",
                        "a silenced finding without a reason cannot be reviewed",
                        "write -- keelson:lint-ignore <rule-id> <why this is safe here>"));
            }
        }
        for (Finding f : raw) {
            if (suppressions.stream().anyMatch(s -> silences(s, f, statements))) {
                suppressed++;
            } else {
                findings.add(f);
            }
        }
    }

    private static boolean silences(Suppression s, Finding f, List<LintStatement> statements) {
        if (!s.rule().equals(f.rule()) || s.reason().isEmpty()) {
            return false;
        }
        Optional<LintStatement> target =
                statements.stream().filter(st -> st.endLine() >= s.line()).findFirst();
        Optional<LintStatement> owner = statements.stream()
                .filter(st -> st.line() <= f.line() && f.line() <= st.endLine())
                .findFirst();
        return owner.isEmpty() || target.isPresent() && target.get() == owner.get();
    }

    /** A file with its parsed name (null when it does not follow the naming rules). */
    private record Named(LintFile file, ScriptName name) {
        static Named of(LintFile file) {
            try {
                return new Named(file, ScriptName.parse(file.fileName()).orElse(null));
            } catch (MigrationException e) {
                return new Named(file, null);
            }
        }
    }

    private static final Comparator<Named> ORDER = Comparator.comparingInt(
                    (Named n) -> n.name() == null ? 2 : n.name().type() == MigrationType.REPEATABLE ? 1 : 0)
            .thenComparing(
                    (Named n) -> n.name() == null || n.name().version() == null
                            ? null
                            : n.name().version(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(n -> n.name() != null && n.name().type() == MigrationType.UNDO ? 1 : 0)
            .thenComparing(n -> n.file().path());
}

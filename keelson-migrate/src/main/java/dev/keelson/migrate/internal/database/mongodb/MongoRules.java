package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.List;
import java.util.Map;

/**
 * The MongoDB lint rules as documented, with why each finding is dangerous and the safe alternative. Touches no
 * driver type, so {@link dev.keelson.migrate.lint.Linter#rules()} lists them without the optional driver.
 */
public final class MongoRules {
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

    /** Rule id → {why, fix}. */
    static final Map<String, String[]> WHY_FIX = Map.of(
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

    private MongoRules() {}

    /** Every MongoDB rule, documented. */
    public static List<RuleInfo> all() {
        return List.of(INDEX_BLOCKING, INDEX_ON_EXISTING, WRITE_WITHOUT_FILTER, DROP, VALIDATOR_WITHOUT_WARN, RENAME);
    }
}

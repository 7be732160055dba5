package dev.keelson.migrate.internal.database.mongodb;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRepair;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The history collection ({@code keelson_schema_history}): one document per history row, with the fields the SQL
 * history table has as columns ({@code installed_rank}, {@code version}, ... {@code statement_hashes}), so the
 * same {@link History} reads both. A unique index on {@code installed_rank} makes a second writer of one rank fail
 * instead of writing twice.
 */
final class HistoryCollection implements HistoryRepair.Writer<RuntimeException> {
    private final MongoDatabase database;
    private final String name;

    HistoryCollection(MongoDatabase database, String name) {
        this.database = database;
        this.name = name;
    }

    String name() {
        return name;
    }

    boolean exists() {
        return database.listCollectionNames().into(new ArrayList<>()).contains(name);
    }

    /** The history; {@link History#absent()} when the collection does not exist. Reading creates nothing. */
    History read() {
        if (!exists()) {
            return History.absent();
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (Document d : collection().find().sort(Sorts.ascending("installed_rank"))) {
            rows.add(HistoryRow.fromColumns(
                    name,
                    d.get("installed_rank") instanceof Number n ? n.intValue() : 0,
                    d.getString("version"),
                    d.getString("description"),
                    d.getString("type"),
                    d.getString("script"),
                    d.getString("checksum"),
                    d.getString("installed_by"),
                    d.getDate("installed_on") == null
                            ? null
                            : d.getDate("installed_on").toInstant(),
                    d.get("execution_time") instanceof Number n ? n.longValue() : 0,
                    Boolean.TRUE.equals(d.getBoolean("success")),
                    d.get("statements_applied") instanceof Number n ? n.intValue() : 0,
                    d.getString("error"),
                    d.getString("statement_hashes")));
        }
        return History.of(rows);
    }

    /** Creates the collection and its index when missing. */
    void ensure() {
        if (!exists()) {
            database.createCollection(name);
        }
        collection()
                .createIndex(
                        Indexes.ascending("installed_rank"),
                        new IndexOptions().unique(true).name("installed_rank_unique"));
    }

    @Override
    public void insert(HistoryRow row) {
        collection().insertOne(document(row));
    }

    /** Inserts inside {@code session}'s transaction: the row commits with the file's commands, or neither does. */
    void insert(ClientSession session, HistoryRow row) {
        collection().insertOne(session, document(row));
    }

    /** Records a row's new outcome (progress, success or failure) in place. */
    void update(HistoryRow row) {
        collection()
                .updateOne(
                        Filters.eq("installed_rank", row.rank()),
                        Updates.combine(
                                Updates.set("success", row.success()),
                                Updates.set("statements_applied", row.statementsApplied()),
                                Updates.set("execution_time", row.executionMillis()),
                                Updates.set("error", row.error()),
                                Updates.set(
                                        "statement_hashes",
                                        row.statementHashes() == null
                                                ? null
                                                : row.statementHashes().format())));
    }

    @Override
    public void updateChecksum(int rank, String checksum) {
        collection().updateOne(Filters.eq("installed_rank", rank), Updates.set("checksum", checksum));
    }

    @Override
    public void delete(List<Integer> ranks) {
        if (!ranks.isEmpty()) {
            collection().deleteMany(Filters.in("installed_rank", ranks));
        }
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(name);
    }

    private static Document document(HistoryRow row) {
        Instant on = row.installedOn();
        return new Document("installed_rank", row.rank())
                .append("version", row.version() == null ? null : row.version().toString())
                .append("description", row.description())
                .append("type", row.type().name())
                .append("script", row.script())
                .append("checksum", row.checksum())
                .append("installed_by", row.installedBy())
                .append("installed_on", on == null ? null : Date.from(on))
                .append("execution_time", row.executionMillis())
                .append("success", row.success())
                .append("statements_applied", row.statementsApplied())
                .append("error", row.error())
                .append(
                        "statement_hashes",
                        row.statementHashes() == null
                                ? null
                                : row.statementHashes().format());
    }
}

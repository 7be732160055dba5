package dev.keelson.migrate.internal.database.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterType;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * One connection to the MongoDB deployment a {@code mongodb://} URL names, and what the engine needs to know of
 * it: the database the URL's path names, whether it runs multi-document transactions (a replica set or a sharded
 * cluster), and who is migrating.
 */
final class Server implements AutoCloseable {
    /** How long to look for a server when the URL does not say ({@code serverSelectionTimeoutMS}). */
    private static final long SELECTION_TIMEOUT_MS = 10_000;

    private final MongoClient client;
    private final MongoDatabase database;
    private final boolean transactions;
    private final String installedBy;

    private Server(MongoClient client, MongoDatabase database, boolean transactions, String installedBy) {
        this.client = client;
        this.database = database;
        this.transactions = transactions;
        this.installedBy = installedBy;
    }

    /**
     * Connects and pings.
     *
     * @throws MigrationException {@code CONFIGURATION} for a URL without a database, {@code CONNECTION_FAILED} when
     *     no server answers or the login is refused
     */
    static Server open(MigratorConfig config) {
        ConnectionString url = url(config.url());
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(url);
        if (url.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(c -> c.serverSelectionTimeout(SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
        if (url.getCredential() == null && config.user() != null) {
            String source = url.getDatabase();
            char[] password =
                    config.password() == null ? new char[0] : config.password().toCharArray();
            settings.credential(MongoCredential.createCredential(config.user(), source, password));
        }
        MongoClient client = MongoClients.create(settings.build());
        try {
            MongoDatabase database = client.getDatabase(url.getDatabase());
            database.runCommand(new BsonDocument("ping", new BsonInt32(1)));
            var cluster = client.getClusterDescription();
            boolean transactions =
                    (cluster.getType() == ClusterType.REPLICA_SET || cluster.getType() == ClusterType.SHARDED)
                            && cluster.getLogicalSessionTimeoutMinutes() != null;
            String by = config.installedBy() != null
                    ? config.installedBy()
                    : url.getUsername() != null
                            ? url.getUsername()
                            : config.user() != null ? config.user() : System.getProperty("user.name", "unknown");
            return new Server(client, database, transactions, by);
        } catch (MongoException e) {
            client.close();
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot reach MongoDB at " + redacted(url) + ": " + MongoEngine.message(e),
                    e);
        }
    }

    static ConnectionString url(String text) {
        ConnectionString url;
        try {
            url = new ConnectionString(text);
        } catch (IllegalArgumentException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "The URL is not a MongoDB connection string: " + e.getMessage(),
                    e);
        }
        if (url.getDatabase() == null || url.getDatabase().isBlank()) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "The MongoDB URL names no database: add it as the path, like mongodb://127.0.0.1:27017/app");
        }
        return url;
    }

    private static String redacted(ConnectionString url) {
        return String.join(",", url.getHosts()) + "/" + url.getDatabase();
    }

    MongoClient client() {
        return client;
    }

    MongoDatabase database() {
        return database;
    }

    /** The database a command runs on: the URL's, or {@code admin} for {@code renameCollection}, which needs it. */
    MongoDatabase databaseFor(Command command) {
        return command.name().equals("renameCollection") ? client.getDatabase("admin") : database;
    }

    /** Whether the deployment runs multi-document transactions: a replica set or a sharded cluster. */
    boolean transactions() {
        return transactions;
    }

    /** The server's version, from {@code buildInfo}; {@code null} when it does not say. */
    String version() {
        try {
            var info = database.runCommand(new BsonDocument("buildInfo", new BsonInt32(1)));
            return info.getString("version");
        } catch (MongoException | ClassCastException e) {
            return null;
        }
    }

    String installedBy() {
        return installedBy;
    }

    @Override
    public void close() {
        client.close();
    }
}

package dev.keelson.migrate.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * A MongoDB server for the tests: the real {@code mongod} that {@code KEELSON_TEST_MONGODB_URL} points at (a URL
 * without a database, like {@code mongodb://127.0.0.1:27017/?replicaSet=rs0}), or else mongo-java-server, an
 * in-memory server speaking MongoDB's wire protocol, started here on a free port. Everything the tests do to the
 * server goes through the official driver, so they run unchanged against either. Each test gets a database of its
 * own ({@link #freshDatabaseUrl()}), dropped by {@link #close()}.
 */
public final class MongoTestServer implements AutoCloseable {
    /** The environment variable naming a real server. */
    public static final String ENV = "KEELSON_TEST_MONGODB_URL";

    private final MongoServer standIn;
    private final String base;
    private final MongoClient client;
    private final java.util.List<String> databases = new java.util.ArrayList<>();

    private MongoTestServer(MongoServer standIn, String base) {
        this.standIn = standIn;
        this.base = base;
        this.client = MongoClients.create(base);
    }

    public static MongoTestServer start() {
        String real = System.getenv(ENV);
        if (real != null && !real.isBlank()) {
            return new MongoTestServer(null, real.strip());
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind(); // the loopback address, a free port
        return new MongoTestServer(server, "mongodb://127.0.0.1:" + address.getPort());
    }

    /** Whether this is the in-memory stand-in rather than a real {@code mongod}. */
    public boolean isStandIn() {
        return standIn != null;
    }

    /** A URL naming a database no other test uses. */
    public String freshDatabaseUrl() {
        String name = "keelson_test_" + UUID.randomUUID().toString().substring(0, 8);
        databases.add(name);
        return withDatabase(name);
    }

    /** The URL of {@code database} on this server, with the base URL's options. */
    public String withDatabase(String database) {
        int query = base.indexOf('?');
        String hosts = query < 0 ? base : base.substring(0, query);
        String options = query < 0 ? "" : base.substring(query);
        int path = hosts.indexOf('/', hosts.indexOf("//") + 2);
        return (path < 0 ? hosts : hosts.substring(0, path)) + "/" + database + options;
    }

    /** The database a URL of {@link #freshDatabaseUrl()} names, for assertions. */
    public MongoDatabase database(String url) {
        return client.getDatabase(new ConnectionString(url).getDatabase());
    }

    @Override
    public void close() {
        for (String name : databases) {
            try {
                client.getDatabase(name).drop();
            } catch (RuntimeException e) {
                // the server is going away anyway
            }
        }
        client.close();
        if (standIn != null) {
            standIn.shutdownNow();
        }
    }
}

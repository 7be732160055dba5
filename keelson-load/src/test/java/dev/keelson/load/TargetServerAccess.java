package dev.keelson.load;

import java.io.IOException;

/** Lets tests in other packages start the {@link TargetServer}. */
public final class TargetServerAccess implements AutoCloseable {
    private final TargetServer server;

    private TargetServerAccess(TargetServer server) {
        this.server = server;
    }

    public static TargetServerAccess start() throws IOException {
        return new TargetServerAccess(TargetServer.http());
    }

    public String url(String path) {
        return server.url(path);
    }

    @Override
    public void close() {
        server.close();
    }
}

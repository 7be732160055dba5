package dev.keelson.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP/1.1 server {@link LoadAotTraining} loads: 127.0.0.1, port 0, a small JSON to every request, keep-alive,
 * as the bench's nginx answers. It runs on blocking JDK sockets, a platform thread per connection, so that the
 * training JVM's Netty classes and method profiles are the load generator's alone: a Netty server in the same JVM
 * would add its own classes to the cache and its own receiver types to the profiles of Netty's shared code.
 * Requests are read up to their blank line (the training sends no bodies).
 */
final class LoadTrainingTarget implements AutoCloseable {
    private static final String BODY = "{\"id\":1,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";
    private static final byte[] ANSWER =
            ("HTTP/1.1 200 OK\r\nServer: keelson-training\r\nContent-Type: application/json\r\n" + "Content-Length: "
                            + BODY.length() + "\r\nConnection: keep-alive\r\n\r\n" + BODY)
                    .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    LoadTrainingTarget() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("training-target").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/api/users/1";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofPlatform().daemon().name("training-connection").start(() -> serve(socket));
            } catch (IOException e) {
                // close() ended the accept, or a connection failed: the loop condition tells which
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            // the state of the search for "\r\n\r\n": how many of its bytes the last ones read were
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == '\n' && (matched == 1 || matched == 3) || b == '\r' && (matched == 0 || matched == 2)
                        ? matched + 1
                        : b == '\r' ? 1 : 0;
                if (matched == 4) {
                    out.write(ANSWER);
                    matched = 0;
                }
            }
        } catch (IOException e) {
            // the client hung up, or close() closed the socket
        }
    }
}

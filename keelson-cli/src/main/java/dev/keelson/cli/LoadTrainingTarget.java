package dev.keelson.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP/1.1 and h2c server {@link LoadAotTraining} loads: 127.0.0.1, port 0, a small JSON to every request, keep-alive,
 * as the bench's nginx answers. It runs on blocking JDK sockets, a platform thread per connection, so that the
 * training JVM's Netty classes and method profiles are the load generator's alone: a Netty server in the same JVM
 * would add its own classes to the cache and its own receiver types to the profiles of Netty's shared code.
 * Requests are read up to their blank line (the training sends no bodies). A connection that opens with HTTP/2's
 * preface is served as h2c with prior knowledge instead: SETTINGS acknowledged, and each request stream that ends
 * with its HEADERS answered with a HEADERS frame ({@code :status 200}) and one DATA frame; other frames are read
 * and ignored (the client gives back every byte of window it receives, so the answers never exceed it).
 */
final class LoadTrainingTarget implements AutoCloseable {
    private static final String BODY = "{\"id\":1,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";
    private static final byte[] ANSWER =
            ("HTTP/1.1 200 OK\r\nServer: keelson-training\r\nContent-Type: application/json\r\n" + "Content-Length: "
                            + BODY.length() + "\r\nConnection: keep-alive\r\n\r\n" + BODY)
                    .getBytes(StandardCharsets.US_ASCII);

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;
    private static final int END_STREAM = 0x1;
    private static final int ACK = 0x1;
    private static final int END_HEADERS = 0x4;
    /** The HPACK static table's index 8, ":status: 200", as an indexed field. */
    private static final byte STATUS_200 = (byte) 0x88;

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
            in.mark(PREFACE.length);
            if (Arrays.equals(in.readNBytes(PREFACE.length), PREFACE)) {
                serveH2(in, new BufferedOutputStream(out));
                return;
            }
            in.reset();
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

    private static void serveH2(InputStream in, OutputStream out) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
        frame(out, SETTINGS, 0, 0, new byte[0]);
        out.flush();
        byte[] head = new byte[9];
        while (in.readNBytes(head, 0, 9) == 9) {
            int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
            int type = head[3];
            int flags = head[4];
            int stream = ((head[5] & 0x7f) << 24) | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 8 | head[8] & 0xff;
            in.skipNBytes(length);
            if (type == SETTINGS && (flags & ACK) == 0) {
                frame(out, SETTINGS, ACK, 0, new byte[0]);
            } else if ((type == HEADERS || type == DATA) && (flags & END_STREAM) != 0 && stream != 0) {
                frame(out, HEADERS, END_HEADERS, stream, new byte[] {STATUS_200});
                frame(out, DATA, END_STREAM, stream, body);
            }
            if (in.available() == 0) {
                out.flush();
            }
        }
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] {
            (byte) (payload.length >>> 16),
            (byte) (payload.length >>> 8),
            (byte) payload.length,
            (byte) type,
            (byte) flags,
            (byte) (stream >>> 24),
            (byte) (stream >>> 16),
            (byte) (stream >>> 8),
            (byte) stream
        });
        out.write(payload);
    }
}

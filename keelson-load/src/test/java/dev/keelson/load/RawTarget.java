package dev.keelson.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving HTTP target on 127.0.0.1, port 0, written on plain sockets so that it can do what real servers
 * should not: never answer, answer and hang up, drip, send garbage, speak HTTP/1.0. It reads each request fully
 * (head and Content-Length body) and counts it, then behaves as told.
 */
final class RawTarget implements AutoCloseable {
    enum Behaviour {
        /** Reads requests and never answers. */
        BLACK_HOLE,
        /** Answers each request with {@code Connection: close} and closes. */
        CLOSE_EVERY_CONNECTION,
        /** Sends the answer one byte every 100 ms. */
        SLOW_DRIP,
        /** Answers with bytes that are not HTTP. */
        GARBAGE,
        /** Answers as HTTP/1.0, the body framed by closing the connection. */
        HTTP_1_0
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    final AtomicLong requests = new AtomicLong();
    final ConcurrentHashMap<String, AtomicLong> paths = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    RawTarget(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    long path(String path) {
        return paths.getOrDefault(path, new AtomicLong()).get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            String head;
            while ((head = readRequest(in)) != null) {
                requests.incrementAndGet();
                String path = head.split(" ", 3)[1];
                paths.computeIfAbsent(path.split("\\?")[0], p -> new AtomicLong())
                        .incrementAndGet();
                if (!answer(out, path)) return;
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up or the target closed
        } finally {
            open.remove(socket);
        }
    }

    /** Answers one request; false when the connection must end. */
    private boolean answer(OutputStream out, String path) throws IOException, InterruptedException {
        byte[] body =
                (path.startsWith("/login") ? "{\"token\":\"t1\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        switch (behaviour) {
            case BLACK_HOLE -> {
                return true;
            }
            case CLOSE_EVERY_CONNECTION -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return false;
            }
            case SLOW_DRIP -> {
                byte[] all = ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n" + new String(body))
                        .getBytes(StandardCharsets.ISO_8859_1);
                for (byte b : all) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                }
                return true;
            }
            case GARBAGE -> {
                out.write("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return true;
            }
            case HTTP_1_0 -> {
                out.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return false;
            }
        }
        return false;
    }

    /** The request's head, its body skipped; null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) return null;
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}

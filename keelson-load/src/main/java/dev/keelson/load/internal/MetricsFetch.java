package dev.keelson.load.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * One GET of a metrics endpoint on its own socket, bounded in every way a hostile or broken endpoint could stretch
 * it: connect and each read time out, the whole exchange has a deadline, and the response (head and body) has a
 * size limit. HTTP/1.0 with {@code Connection: close}, so the body ends where the connection does; a chunked
 * answer is decoded all the same.
 */
final class MetricsFetch {
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final URI endpoint;
    private final Duration budget;

    MetricsFetch(URI endpoint, Duration budget) {
        this.endpoint = endpoint;
        this.budget = budget;
    }

    /** The body of a 200 answer, as text. */
    String get() throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        int timeout = (int) Math.max(1, budget.toMillis());
        boolean tls = endpoint.getScheme().equalsIgnoreCase("https");
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write(request().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] response = readAll(socket.getInputStream(), deadline);
            return body(response);
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer within " + budget.toMillis() + "ms", e);
        }
    }

    private String request() {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        if (endpoint.getRawQuery() != null) path += "?" + endpoint.getRawQuery();
        return "GET " + path + " HTTP/1.0\r\nHost: " + endpoint.getRawAuthority()
                + "\r\nAccept: text/plain;version=0.0.4\r\nConnection: close\r\nUser-Agent: keelson-load\r\n\r\n";
    }

    private byte[] readAll(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            bytes.write(buffer, 0, n);
            if (bytes.size() > MAX_BYTES) throw new IOException("the answer is larger than 8 MiB");
            if (System.nanoTime() > deadline) {
                throw new IOException("the answer did not end within " + budget.toMillis() + "ms");
            }
        }
        return bytes.toByteArray();
    }

    private static String body(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) throw new IOException("the answer is not HTTP");
        String head = text.substring(0, headEnd);
        String[] status = head.split("\r\n", 2)[0].split(" ", 3);
        if (status.length < 2 || !status[1].equals("200")) {
            throw new IOException("HTTP status " + (status.length < 2 ? "missing" : status[1]) + " (expected 200)");
        }
        byte[] body = java.util.Arrays.copyOfRange(response, headEnd + 4, response.length);
        if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) body = dechunk(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Decodes a chunked body; a broken one ends where it breaks. */
    static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) break;
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int length;
            try {
                length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            at = lineEnd + 2;
            if (length <= 0 || length > chunked.length - at) break;
            out.write(chunked, at, length);
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
        }
        return -1;
    }
}

package dev.keelson.reference.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte by byte on a plain {@link Socket}, for the requests no HTTP client sends: paths with
 * {@code %61}, {@code //} or {@code ;params} as written, odd {@code Transfer-Encoding} spellings, bodies without a
 * length, oversized headers. Every request is sent with {@code Connection: close} unless its head says otherwise,
 * and the reply is read until the server closes.
 */
public final class RawHttp {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A parsed reply: status, headers (names lower-cased, last one wins), and the body (de-chunked). */
    public record Reply(int status, String head, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** An RFC 9457 document: {@code application/problem+json} with the status repeated in the body. */
        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null
                    && type.startsWith("application/problem+json")
                    && json().path("status").asInt() == status;
        }

        @Override
        public String toString() {
            return head + "\r\n\r\n" + body;
        }
    }

    /** What a streamed request achieved: the reply (null if the server closed without one) and bytes written. */
    public record Streamed(Reply reply, long bytesWritten) {}

    /**
     * Sends {@code method target} with {@code headers} (each {@code Name: value}; {@code Host: localhost} added
     * unless given, and {@code Connection: close}) and {@code body} as given (frame it yourself).
     */
    public Reply send(String method, String target, String body, String... headers) {
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Connection: close\r\n");
        if (Arrays.stream(headers).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
            head.append("Host: localhost\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return sendRaw((head + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends exactly {@code request} (head and body) and reads the reply until the server closes. A server that
     * answers and closes before it has read everything (a refused body) makes the write fail: its reply is still read.
     */
    public Reply sendRaw(byte[] request) {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the reply, if any, is already on its way: read it below
            }
            return parse(readUntilClosed(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code head} (complete, with its empty line) then {@code body} from another thread, while this one reads
     * the reply; stops writing when the server stops reading or closes, or after {@code body} ends. For bodies far
     * over a limit: {@link Streamed#bytesWritten()} shows how much the server let in (plus the sockets' buffers).
     */
    public Streamed stream(String head, InputStream body) {
        AtomicLong written = new AtomicLong();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = Thread.ofVirtual().start(() -> copy(body, out, written));
            byte[] reply = readUntilClosed(socket.getInputStream());
            socket.close(); // unblocks a writer the server no longer reads from
            writer.join(10_000);
            return new Streamed(reply.length == 0 ? null : parse(reply), written.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream body, OutputStream out, AtomicLong written) {
        byte[] buffer = new byte[16 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                written.addAndGet(n);
            }
            out.flush();
        } catch (IOException serverClosed) {
            // expected when the server refuses the body: stop writing
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** What the server sent before closing; a reset after a complete reply still returns the reply. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw stillOpen;
        } catch (IOException reset) {
            // the server closed with unread input left: what it sent before is the reply
        }
        return received.toByteArray();
    }

    private static Reply parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("not an HTTP/1.1 reply: " + text);
        }
        String head = text.substring(0, end);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String rawBody = text.substring(end + 4);
        String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rawBody) : rawBody;
        return new Reply(
                Integer.parseInt(lines[0].substring(9, 12)),
                head,
                headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}

package dev.keelson.load.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 responses from a stream of buffers with no allocation per response: the status line, the headers
 * that frame the body (Content-Length, Transfer-Encoding: chunked, Connection: close), and the body, skipped unless
 * {@link #collectBody} asked for it. One instance per connection; not thread-safe.
 */
final class ResponseParser {
    /** What the parser reports. */
    interface Sink {
        /** A complete response arrived; {@code body} holds it when collected (valid until the next call). */
        void onResponse(int status, boolean close, byte[] body, int bodyLength);

        /** The bytes are not an HTTP/1.1 response; the connection must be closed. */
        void onBadResponse();
    }

    private enum State {
        STATUS,
        HEADERS,
        FIXED_BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        UNTIL_CLOSE,
        FAILED
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes();
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes();
    private static final byte[] CONNECTION = "connection:".getBytes();
    private static final int MAX_LINE = 16 * 1024;

    private byte[] line = new byte[128]; // grows up to MAX_LINE: 10,000 connections must stay small
    private int lineLength;
    private State state = State.STATUS;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;
    private boolean bodyless;
    private boolean collectBody;
    private byte[] body = new byte[0];
    private int bodyLength;

    /** Prepares for the next response; {@code noBody} for HEAD requests. */
    void expect(boolean collectBody, boolean noBody) {
        this.collectBody = collectBody;
        this.bodyless = noBody;
    }

    /** Starts over on a new connection. */
    void reset() {
        state = State.STATUS;
        lineLength = 0;
    }

    /** Consumes everything readable in {@code in}, reporting complete responses to {@code sink}. */
    void parse(ByteBuf in, Sink sink) {
        while (in.isReadable() && state != State.FAILED) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    if (readLine(in, sink)) onLine(sink);
                }
                case FIXED_BODY, CHUNK_DATA -> readBody(in, sink);
                case UNTIL_CLOSE -> take(in, in.readableBytes());
                case FAILED -> {}
            }
        }
    }

    /** The connection closed; completes a response framed by the close. Returns true when one completed. */
    boolean closed(Sink sink) {
        if (state != State.UNTIL_CLOSE) return false;
        complete(sink);
        return true;
    }

    /** Appends bytes up to the next LF to {@link #line} (bulk copy); true when the line is complete. */
    private boolean readLine(ByteBuf in, Sink sink) {
        int start = in.readerIndex();
        int eol = in.indexOf(start, in.writerIndex(), (byte) '\n');
        int n = (eol < 0 ? in.writerIndex() : eol) - start;
        if (lineLength + n > line.length) {
            if (lineLength + n > MAX_LINE) {
                fail(sink);
                return false;
            }
            line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(lineLength + n, line.length * 4)));
        }
        in.readBytes(line, lineLength, n);
        lineLength += n;
        if (eol < 0) return false;
        in.skipBytes(1);
        if (lineLength > 0 && line[lineLength - 1] == '\r') lineLength--;
        return true;
    }

    private void onLine(Sink sink) {
        int length = lineLength;
        lineLength = 0;
        switch (state) {
            case STATUS -> statusLine(length, sink);
            case HEADERS -> headerLine(length, sink);
            case CHUNK_SIZE -> chunkSize(length, sink);
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (length == 0) complete(sink);
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void statusLine(int length, Sink sink) {
        if (length == 0) return; // tolerate a stray CRLF between responses
        if (length < 12 || !startsWith(line, "HTTP/1.") || line[8] != ' ') {
            fail(sink);
            return;
        }
        int code = digit(line[9]) * 100 + digit(line[10]) * 10 + digit(line[11]);
        if (code < 100 || code > 599) {
            fail(sink);
            return;
        }
        status = code;
        contentLength = -1;
        chunked = false;
        close = line[7] == '0';
        bodyLength = 0;
        state = State.HEADERS;
    }

    private void headerLine(int length, Sink sink) {
        if (length == 0) {
            endOfHeaders(sink);
        } else if (hasName(CONTENT_LENGTH, length)) {
            contentLength = parseLong(CONTENT_LENGTH.length, length, 10);
            if (contentLength < 0) fail(sink);
        } else if (hasName(TRANSFER_ENCODING, length)) {
            chunked = contains(TRANSFER_ENCODING.length, length, "chunked");
        } else if (hasName(CONNECTION, length)) {
            close = contains(CONNECTION.length, length, "close");
        }
    }

    private void endOfHeaders(Sink sink) {
        if (status < 200) {
            state = State.STATUS; // 1xx: the real response follows
        } else if (bodyless || status == 204 || status == 304) {
            complete(sink);
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.FIXED_BODY;
            if (remaining == 0) complete(sink);
        } else {
            close = true;
            state = State.UNTIL_CLOSE;
        }
    }

    private void chunkSize(int length, Sink sink) {
        int end = 0;
        while (end < length && line[end] != ';' && line[end] != ' ') end++;
        long size = parseLong(0, end, 16);
        if (size < 0) {
            fail(sink);
        } else if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void readBody(ByteBuf in, Sink sink) {
        int n = (int) Math.min(remaining, in.readableBytes());
        take(in, n);
        remaining -= n;
        if (remaining == 0) {
            if (state == State.CHUNK_DATA) {
                state = State.CHUNK_END;
            } else {
                complete(sink);
            }
        }
    }

    private void take(ByteBuf in, int n) {
        if (collectBody) {
            if (bodyLength + n > body.length) body = Arrays.copyOf(body, Math.max(bodyLength + n, body.length * 2));
            in.readBytes(body, bodyLength, n);
            bodyLength += n;
        } else {
            in.skipBytes(n);
        }
    }

    private void complete(Sink sink) {
        state = State.STATUS;
        sink.onResponse(status, close, body, bodyLength);
    }

    private void fail(Sink sink) {
        state = State.FAILED;
        sink.onBadResponse();
    }

    private boolean hasName(byte[] name, int length) {
        if (length < name.length) return false;
        for (int i = 0; i < name.length; i++) {
            if ((line[i] | 0x20) != name[i] && line[i] != name[i]) return false;
        }
        return true;
    }

    private boolean contains(int from, int to, String word) {
        outer:
        for (int i = from; i + word.length() <= to; i++) {
            for (int j = 0; j < word.length(); j++) {
                if ((line[i + j] | 0x20) != word.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }

    private long parseLong(int from, int to, int radix) {
        long value = 0;
        boolean any = false;
        for (int i = from; i < to; i++) {
            int d = Character.digit(line[i], radix);
            if (line[i] == ' ' || line[i] == '\t') {
                if (any) break;
                continue;
            }
            if (d < 0) return -1;
            value = value * radix + d;
            any = true;
        }
        return any ? value : -1;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) return false;
        }
        return true;
    }

    private static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -1000;
    }
}

package dev.keelson.reference.platform.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.WebUtils;

/**
 * The request with its body read up front by {@link BodySizeLimitFilter} (so at most the limit), given to every later
 * reader from memory; its length is the bytes read, whatever the request's framing said.
 */
public final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * {@code request} with its body in memory: the bytes {@link BodySizeLimitFilter} read when it wrapped a request
     * under {@code request}, or else the body read now (none: the filter buffers every request that has one).
     */
    public static BufferedBody of(HttpServletRequest request) throws IOException {
        BufferedBody buffered = WebUtils.getNativeRequest(request, BufferedBody.class);
        return new BufferedBody(
                request,
                buffered != null ? buffered.body : request.getInputStream().readAllBytes());
    }

    /**
     * Where the body holds the JSON or GraphQL escape of NUL ({@code \\u0000}, any hex case) or a raw NUL byte, or
     * -1. No text the API stores may hold NUL (PostgreSQL refuses it in {@code text}), and no client needs to send it.
     */
    int nulAt() {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0
                    || (body[i] == '\\'
                            && i + 5 < body.length
                            && (body[i + 1] == 'u' || body[i + 1] == 'U')
                            && body[i + 2] == '0'
                            && body[i + 3] == '0'
                            && body[i + 4] == '0'
                            && body[i + 5] == '0')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The name of the JSON member whose string value holds position {@code at} ({@code "name": "...at..."}), or
     * {@code null} when the text before it is not shaped so.
     */
    String memberAt(int at) {
        int open = at - 1;
        while (open >= 0 && !(body[open] == '"' && (open == 0 || body[open - 1] != '\\'))) {
            open--;
        }
        int colon = open - 1;
        while (colon >= 0 && Character.isWhitespace(body[colon])) {
            colon--;
        }
        int keyEnd = colon - 1;
        while (keyEnd >= 0 && Character.isWhitespace(body[keyEnd])) {
            keyEnd--;
        }
        if (colon < 0 || body[colon] != ':' || keyEnd < 0 || body[keyEnd] != '"') {
            return null;
        }
        int keyStart = keyEnd - 1;
        while (keyStart >= 0 && body[keyStart] != '"') {
            keyStart--;
        }
        return keyStart < 0 ? null : new String(body, keyStart + 1, keyEnd - keyStart - 1, StandardCharsets.UTF_8);
    }

    public byte[] body() {
        return body;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already buffered");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}

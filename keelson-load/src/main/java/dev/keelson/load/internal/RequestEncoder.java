package dev.keelson.load.internal;

import dev.keelson.load.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a step as HTTP/1.1 request bytes, or as HTTP/2 headers and a body, filling {@code ${name}} placeholders from
 * variables.
 */
final class RequestEncoder {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final AsciiString USER_AGENT = AsciiString.cached("keelson");

    private final String host;
    private final AsciiString scheme;

    RequestEncoder(URI target) {
        int port = Target.port(target);
        boolean defaultPort = port == (Target.isTls(target) ? 443 : 80);
        this.host = target.getHost() + (defaultPort ? "" : ":" + port);
        this.scheme = AsciiString.cached(target.getScheme());
    }

    /**
     * The HTTP/2 header block of {@code step}: the pseudo-headers ({@code :authority} from a {@code Host} header if
     * the step gives one), then its headers with lower-case names, without the connection-specific ones HTTP/2
     * forbids; {@code content-length} when it has a body.
     */
    Http2Headers headers(Step step, Map<String, String> variables, int bodyLength) {
        Http2Headers headers = new DefaultHttp2Headers(false)
                .method(step.method())
                .scheme(scheme)
                .path(fill(step.path(), variables))
                .authority(host);
        headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        step.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            String filled = fill(value, variables);
            if (lower.equals("host")) {
                headers.authority(filled);
            } else if (!HTTP2_FORBIDDEN.contains(lower)) {
                headers.add(lower, filled);
            }
        });
        if (bodyLength >= 0) headers.setInt(HttpHeaderNames.CONTENT_LENGTH, bodyLength);
        return headers;
    }

    /** The body of {@code step} as bytes, or {@code null} without one. */
    static byte[] body(Step step, Map<String, String> variables) {
        if (step.rawBody() != null) return step.rawBody();
        return step.body() == null ? null : fill(step.body(), variables).getBytes(StandardCharsets.UTF_8);
    }

    /** Connection-specific headers that HTTP/2 does not allow (RFC 9113, 8.2.2). */
    private static final Set<String> HTTP2_FORBIDDEN =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    /** Encodes {@code step} into a new buffer from {@code alloc}. */
    ByteBuf encode(Step step, Map<String, String> variables, ByteBufAllocator alloc) {
        byte[] body = body(step, variables);
        StringBuilder head = new StringBuilder(256)
                .append(step.method())
                .append(' ')
                .append(fill(step.path(), variables))
                .append(" HTTP/1.1\r\n");
        boolean hasHost = step.headers().keySet().stream().anyMatch("host"::equalsIgnoreCase);
        if (!hasHost) head.append("Host: ").append(host).append("\r\n");
        head.append("User-Agent: keelson\r\n");
        step.headers()
                .forEach((name, value) -> head.append(name)
                        .append(": ")
                        .append(fill(value, variables))
                        .append("\r\n"));
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        ByteBuf out = alloc.directBuffer(head.length() + (body == null ? 0 : body.length));
        out.writeCharSequence(head, StandardCharsets.ISO_8859_1);
        if (body != null) out.writeBytes(body);
        return out;
    }

    static String fill(String text, Map<String, String> variables) {
        if (!text.contains("${")) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(variables.getOrDefault(r.group(1), r.group())));
    }
}

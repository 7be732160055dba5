package dev.keelson.load.internal;

import dev.keelson.load.Step;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a step as HTTP/1.1 request bytes, filling {@code ${name}} placeholders from variables. */
final class RequestEncoder {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final String host;

    RequestEncoder(URI target) {
        int port = Target.port(target);
        boolean defaultPort = port == (Target.isTls(target) ? 443 : 80);
        this.host = target.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** Encodes {@code step} into a new buffer from {@code alloc}. */
    ByteBuf encode(Step step, Map<String, String> variables, ByteBufAllocator alloc) {
        byte[] body = step.rawBody() != null
                ? step.rawBody()
                : step.body() == null ? null : fill(step.body(), variables).getBytes(StandardCharsets.UTF_8);
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

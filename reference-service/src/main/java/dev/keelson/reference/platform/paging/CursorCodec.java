package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link Cursor} into an opaque string and back. The string is {@code payload.signature}, base64url, where
 * the signature is HMAC-SHA256 of the payload under a server key: a client can neither read meaning into it nor
 * forge or edit one (an edited cursor is refused with 400, not silently reinterpreted). The payload is the direction,
 * the row id, the {@link Sort#key()} and the sort field's value, which may hold any character and comes last.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CursorCodec(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The cursor key needs at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String encode(Cursor cursor) {
        String payload = (cursor.ascending() ? "a" : "d") + ":" + cursor.id() + ":" + cursor.sort() + ":"
                + (cursor.value() == null ? "-" : "=" + cursor.value());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The cursor in {@code text}; a 400 problem when it was not made by this codec's key or was altered. */
    public Cursor decode(String text) {
        try {
            int dot = text.indexOf('.');
            byte[] payload = DECODER.decode(text.substring(0, dot));
            byte[] signature = DECODER.decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                throw invalid();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", 4);
            if ((!"a".equals(parts[0]) && !"d".equals(parts[0])) || !parts[3].matches("(?s)-|=.*")) {
                throw invalid();
            }
            String value = parts[3].equals("-") ? null : parts[3].substring(1);
            return new Cursor(parts[2], value, UUID.fromString(parts[1]), "a".equals(parts[0]));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(
                ErrorCode.VALIDATION,
                "cursor is not valid: pass back meta.nextCursor exactly as a previous page returned it");
    }
}

package dev.keelson.reference.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's {@code Idempotency-Key} within its scope (its user, or {@code anonymous} before sign-in). The key is
 * never stored: the database gets an HMAC of it to look it up by, and stored responses are sealed (AES-256-GCM)
 * under a second HMAC of it, so only a client presenting the key can have its response replayed. Both HMACs are
 * keyed by the server's secret, so a copy of the table alone does not let anyone test guessed keys (a client may
 * well send a short, guessable one).
 */
record IdempotencyKey(String scope, byte[] lookup, byte[] sealingKey) {
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether {@code key} is 1 to 255 visible ASCII characters. */
    static boolean valid(String key) {
        return VALID.matcher(key).matches();
    }

    /** The key {@code key} of {@code scope}, under {@code serverKey} (at least 32 bytes, the same on every instance). */
    static IdempotencyKey of(byte[] serverKey, String scope, String key) {
        return new IdempotencyKey(scope, hmac(serverKey, "lookup", scope, key), hmac(serverKey, "seal", scope, key));
    }

    /** {@code plain} encrypted and authenticated: a random IV followed by the ciphertext. */
    byte[] seal(byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, plain, 0, plain.length);
        byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return out;
    }

    /** The plain bytes of {@link #seal}'s output; fails if they were sealed under another key or altered. */
    byte[] open(byte[] sealed) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(sealingKey, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A stored response could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened") + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static byte[] hmac(byte[] serverKey, String purpose, String scope, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            for (String part : new String[] {"keelson-idempotency-" + purpose, scope, key}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}

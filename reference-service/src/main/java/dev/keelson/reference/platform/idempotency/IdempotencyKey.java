package dev.keelson.reference.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's {@code Idempotency-Key} within its scope (its user, or {@code anonymous} before sign-in). The key is
 * never stored: the database gets a hash to look it up by, and stored responses are sealed (AES-256-GCM) with a
 * second hash of it, so only a client presenting the key can have its response replayed.
 */
record IdempotencyKey(String scope, byte[] lookup, byte[] sealingKey) {
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether {@code key} is 1 to 255 visible ASCII characters. */
    static boolean valid(String key) {
        return VALID.matcher(key).matches();
    }

    static IdempotencyKey of(String scope, String key) {
        return new IdempotencyKey(scope, sha256("lookup", scope, key), sha256("seal", scope, key));
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
            throw new IllegalStateException("A stored response could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "sealed" : "opened") + ": " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String purpose, String scope, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"keelson-idempotency-" + purpose, scope, key}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

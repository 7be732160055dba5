import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Prints a JWK set with one new EC P-256 private key (JSON, as REFERENCE_AUTH_JWKS takes it), so that several
 * instances of the reference service started by a benchmark accept each other's tokens. JDK only:
 * java Jwks.java [key-id]
 */
public class Jwks {
    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        String kid = args.length > 0 ? args[0] : "bench";
        System.out.printf("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"%s\",\"x\":\"%s\",\"y\":\"%s\",\"d\":\"%s\"}]}%n",
                kid, b64(pub.getW().getAffineX()), b64(pub.getW().getAffineY()), b64(priv.getS()));
    }

    /** base64url of the 32-byte big-endian unsigned value. */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}

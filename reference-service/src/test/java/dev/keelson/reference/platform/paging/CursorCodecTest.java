package dev.keelson.reference.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final CursorCodec codec = new CursorCodec(KEY);
    private final Cursor cursor = new Cursor(
            "orders.createdAt",
            "2026-11-21T12:34:56.123456Z",
            UUID.fromString("019a0000-0000-7000-8000-000000000001"),
            false);

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        assertThat(codec.decode(codec.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void theDirectionIsPartOfTheCursor() {
        Cursor ascending = new Cursor(cursor.sort(), cursor.value(), cursor.id(), true);
        assertThat(codec.decode(codec.encode(ascending)).ascending()).isTrue();
    }

    @Test
    void aValueWithColonsAndANullValueSurviveTheRoundTrip() {
        Cursor colons = new Cursor("products.title", "a:b::-=c\n", cursor.id(), true);
        Cursor none = new Cursor("products.title", null, cursor.id(), false);
        Cursor empty = new Cursor("products.title", "", cursor.id(), false);

        assertThat(codec.decode(codec.encode(colons))).isEqualTo(colons);
        assertThat(codec.decode(codec.encode(none))).isEqualTo(none);
        assertThat(codec.decode(codec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void aSignedPayloadOfAnotherShapeIsRefused() throws Exception {
        for (String payload : new String[] {
            "x:" + cursor.id() + ":orders.createdAt:-",
            "a:" + cursor.id(),
            "a:not-a-uuid:s:-",
            "a:" + cursor.id() + ":s:?1"
        }) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String forged = b64.encodeToString(bytes) + "." + b64.encodeToString(mac.doFinal(bytes));

            assertThatThrownBy(() -> codec.decode(forged))
                    .as(payload)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("cursor is not valid");
        }
    }

    @Test
    void anEditedPayloadIsRefused() {
        String[] parts = codec.encode(cursor).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("d:", "a:").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(edited + "." + parts[1]))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("cursor is not valid");
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        CursorCodec other = new CursorCodec("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> codec.decode(other.encode(cursor))).isInstanceOf(ApiException.class);
    }

    @Test
    void garbageIsRefusedWithTheSameMessage() {
        for (String garbage : new String[] {"", ".", "abc", "abc.def", "!!!.???", "a.b.c"}) {
            assertThatThrownBy(() -> codec.decode(garbage))
                    .as(garbage)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("cursor is not valid");
        }
    }

    @Test
    void aShortKeyIsRejected() {
        assertThatThrownBy(() -> new CursorCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}

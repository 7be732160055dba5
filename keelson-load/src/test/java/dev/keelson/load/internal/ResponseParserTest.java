package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
    private final ResponseParser parser = new ResponseParser();
    private final List<String> events = new ArrayList<>();
    private final ResponseParser.Sink sink = new ResponseParser.Sink() {
        @Override
        public void onResponse(int status, boolean close, byte[] body, int length) {
            events.add(status + (close ? " close" : "") + " " + new String(body, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onBadResponse() {
            events.add("bad");
        }
    };

    private void feed(String... pieces) {
        for (String piece : pieces) parser.parse(Unpooled.copiedBuffer(piece, StandardCharsets.ISO_8859_1), sink);
    }

    @Test
    void aContentLengthBodySplitAcrossBuffersMakesOneResponse() {
        parser.expect(true, false);
        feed("HTTP/1.1 200 OK\r\nContent-Le", "ngth: 5\r\n\r\nhel", "lo");

        assertThat(events).containsExactly("200 hello");
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailersAreFramed() {
        parser.expect(true, false);
        feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: 1\r\n\r\n");

        assertThat(events).containsExactly("200 abcde");
    }

    @Test
    void bodiesAreSkippedUnlessCollected() {
        parser.expect(false, false);
        feed("HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 204 No Content\r\n\r\n");

        assertThat(events).containsExactly("201 ", "204 ");
    }

    @Test
    void connectionCloseAndHttp10AskToCloseTheConnection() {
        feed("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(events).containsExactly("200 close ", "200 close ");
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() {
        parser.expect(true, false);
        feed("HTTP/1.1 200 OK\r\n\r\npartial");
        assertThat(events).isEmpty();

        assertThat(parser.closed(sink)).isTrue();
        assertThat(events).containsExactly("200 close partial");
    }

    @Test
    void headResponsesHaveNoBodyWhateverTheirContentLength() {
        parser.expect(false, true);
        feed("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");

        assertThat(events).containsExactly("200 ");
    }

    @Test
    void somethingThatIsNotHttpIsABadResponse() {
        feed("SSH-2.0-OpenSSH\r\n");

        assertThat(events).containsExactly("bad");
    }

    @Test
    void aHeaderLineLongerThan16KiBIsABadResponse() {
        feed("HTTP/1.1 200 OK\r\nX-Big: ", "a".repeat(10_000), "a".repeat(10_000), "\r\n\r\n");

        assertThat(events).containsExactly("bad");
    }
}

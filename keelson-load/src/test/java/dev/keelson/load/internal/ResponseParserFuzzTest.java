package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Any bytes, cut anywhere, reach the parser without an exception escaping it: it reports responses or a bad
 * response, and after a bad response nothing more. Fuzzed for a bounded time with JAZZER_FUZZ=1 (the build's
 * fuzz executions); otherwise the inputs under {@code ResponseParserFuzzTestInputs} (seeds and every crash
 * found) run as regression tests.
 */
class ResponseParserFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyBytesInAnyChunksParseWithoutThrowing(FuzzedDataProvider data) {
        boolean collect = data.consumeBoolean();
        boolean head = data.consumeBoolean();
        int[] bad = {0};
        int[] responses = {0};
        ResponseParser parser = new ResponseParser();
        ResponseParser.Sink sink = new ResponseParser.Sink() {
            @Override
            public void onResponse(int status, boolean close, byte[] body, int bodyLength) {
                assertThat(status).isBetween(100, 599);
                assertThat(bodyLength).isBetween(0, body.length);
                assertThat(bad[0]).as("a response after a bad response").isZero();
                responses[0]++;
                parser.expect(collect, head);
            }

            @Override
            public void onBadResponse() {
                bad[0]++;
            }
        };
        parser.expect(collect, head);
        while (data.remainingBytes() > 0) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
            ByteBuf in = Unpooled.wrappedBuffer(chunk);
            parser.parse(in, sink);
            if (bad[0] == 0)
                assertThat(in.isReadable()).as("unread bytes while parsing").isFalse();
        }
        parser.closed(sink);
        assertThat(bad[0]).isLessThanOrEqualTo(1);
    }
}

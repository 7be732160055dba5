/**
 * The load engine ({@link dev.keelson.load.LoadTest}) and its report writers ({@code dev.keelson.load.report}). The
 * engine's internals ({@code dev.keelson.load.internal}) are not exported; they are opened to Jackson only, which
 * binds scenario files to their records.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // HdrHistogram has no module name
module dev.keelson.load {
    requires transitive HdrHistogram; // results carry their histograms
    requires java.management; // workers report their CPU time
    requires io.netty.buffer;
    requires io.netty.codec; // ByteToMessageDecoder under the HTTP/2 frame reader
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.csv; // the CSV feed
    requires tools.jackson.dataformat.yaml;

    exports dev.keelson.load;
    exports dev.keelson.load.report;

    opens dev.keelson.load.internal to
            tools.jackson.databind;
}

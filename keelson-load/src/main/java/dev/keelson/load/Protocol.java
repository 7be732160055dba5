package dev.keelson.load;

/** The HTTP version a run speaks. */
public enum Protocol {
    /** HTTP/1.1, one request at a time per connection (the default). */
    HTTP_1_1,
    /**
     * HTTP/2: over TLS negotiated with ALPN ({@code h2}), over plain TCP with prior knowledge ({@code h2c});
     * several streams per connection.
     */
    HTTP_2
}

package dev.keelson.load;

/**
 * Why a request that was due failed; counted per kind, never thrown. Every due request ends as exactly one response
 * or one of these ({@link #UNEXPECTED} is the exception: it is a response that a scenario rejected, so it is counted
 * both as a response and as an error).
 */
public enum ErrorKind {
    /** The connection could not be established (refused, unreachable). */
    CONNECT("connect"),
    /** No complete response within {@code --timeout}. */
    TIMEOUT("timeout"),
    /** The connection was reset or closed while a request was outstanding. */
    RESET("reset"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** The response was not valid HTTP/1.1, or broke the HTTP/2 protocol. */
    BAD_RESPONSE("bad response"),
    /** A scenario step got a status it did not expect, or a value to extract was missing. */
    UNEXPECTED("unexpected response"),
    /** Open model: the request's slot in the schedule passed and it was never sent (no connection was free). */
    NOT_SENT("not sent"),
    /** Still waiting for its answer when the run was stopped before its timeout (a second Ctrl-C). */
    UNFINISHED("unfinished"),
    /** HTTP/2: the server reset the request's stream (RST_STREAM). */
    STREAM_RESET("stream reset"),
    /** HTTP/2: the server sent GOAWAY before it processed the request's stream (its id above the last one kept). */
    GOAWAY("goaway");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The short name used in reports. */
    public String label() {
        return label;
    }
}

package dev.keelson.load;

/** Why a request failed; counted per kind, never thrown. */
public enum ErrorKind {
    /** The connection could not be established (refused, unreachable). */
    CONNECT("connect"),
    /** No complete response within {@code --timeout}. */
    TIMEOUT("timeout"),
    /** The connection was reset or closed while a request was outstanding. */
    RESET("reset"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** The response was not valid HTTP/1.1. */
    BAD_RESPONSE("bad response"),
    /** A scenario step got a status it did not expect, or a value to extract was missing. */
    UNEXPECTED("unexpected response");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The short name used in reports. */
    public String label() {
        return label;
    }
}

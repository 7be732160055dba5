package dev.keelson.reference.platform.errors;

/**
 * The one exception features throw to end a request with a problem document. The message becomes the
 * document's {@code detail}: it is shown to the client, so it names what to fix and never carries internals.
 */
public class ApiException extends RuntimeException {
    private final ProblemType code;

    public ApiException(ProblemType code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemType code() {
        return code;
    }
}

package dev.keelson.scaffold;

/** The one exception generation throws. Its message names what to fix; the cause is kept for {@code --verbose}. */
public class ScaffoldException extends RuntimeException {
    private final ErrorCode code;

    public ScaffoldException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ScaffoldException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

package dev.keelson.scaffold;

/** The one exception generation throws. Its message names what to fix; the cause is kept for {@code --verbose}. */
public class ScaffoldException extends RuntimeException {
    private final ScaffoldErrorCode code;

    public ScaffoldException(ScaffoldErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ScaffoldException(ScaffoldErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ScaffoldErrorCode code() {
        return code;
    }
}

package dev.keelson.load;

/** The one exception the load library throws to its callers; failures of single requests are counted instead. */
public final class LoadException extends RuntimeException {
    private final ErrorCode code;

    public LoadException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public LoadException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

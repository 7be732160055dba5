package dev.keelson.load;

/** The one exception the load library throws to its callers; failures of single requests are counted instead. */
public final class LoadException extends RuntimeException {
    private final LoadErrorCode code;

    public LoadException(LoadErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public LoadException(LoadErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public LoadErrorCode code() {
        return code;
    }
}

package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;

/**
 * Strong ETags of versioned rows: the ETag of version 3 is {@code "3"}. A write that must not overwrite a change its
 * client has not seen takes the ETag back in {@code If-Match}.
 */
public final class ETags {
    private ETags() {}

    /** The ETag of a row at {@code version}. */
    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version in an {@code If-Match} value such as {@code "3"} (a weak {@code W/"3"} is accepted too); a 412
     * problem naming {@code what} ("order") when it is not one of ours.
     */
    public static int version(String ifMatch, String what) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Integer.parseInt(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiException(
                    ErrorCode.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an ETag of this " + what + ": GET it again and use its ETag");
        }
    }

    /** {@link #version} of a required {@code If-Match}: a 428 problem when the client sent none. */
    public static int required(String ifMatch, String what) {
        if (ifMatch == null) {
            throw new ApiException(
                    ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of your last GET, so you cannot overwrite a change you have not seen");
        }
        return version(ifMatch, what);
    }
}

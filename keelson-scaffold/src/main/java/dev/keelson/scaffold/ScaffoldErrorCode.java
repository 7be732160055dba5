package dev.keelson.scaffold;

/**
 * Stable codes for every way generating a project, or adding a resource to one, can fail. {@link #isUsageError()} separates what the user must
 * fix in the request (exit code 2 at the CLI) from an operation that failed (exit code 1).
 */
public enum ScaffoldErrorCode {
    /** The project name is not a valid artifact id and folder name. */
    INVALID_NAME(true),
    /** The Java package is not a valid package name. */
    INVALID_PACKAGE(true),
    /** The Maven group id is not valid. */
    INVALID_GROUP(true),
    /** The chosen features do not go together (GraphQL without auth, ...). */
    FEATURE_CONFLICT(true),
    /** The target folder exists and is not empty, or is a file. */
    TARGET_NOT_EMPTY(true),
    /** {@code add resource}: a field's spelling, type or modifier is not one Keelson knows. */
    INVALID_FIELD(true),
    /** {@code add resource}: the folder is not a project made by {@code keelson new}. */
    NOT_A_KEELSON_PROJECT(true),
    /** {@code add resource}: the project already has a resource, package, class or table of that name. */
    NAME_TAKEN(true),
    /** {@code add resource}: the project has uncommitted changes (or is no git repository) and no override. */
    UNCOMMITTED_CHANGES(true),
    /** The bundled template is inconsistent (an unclosed marker, a manifest entry matching nothing): a Keelson bug. */
    TEMPLATE_BROKEN(false),
    /** Writing or moving the files failed; nothing was left behind. */
    WRITE_FAILED(false),
    /** git was found but could not make the first commit; nothing was left behind. */
    GIT_FAILED(false),
    /** The generating thread was interrupted (Ctrl-C at the command line); nothing was left behind. */
    INTERRUPTED(false);

    private final boolean usageError;

    ScaffoldErrorCode(boolean usageError) {
        this.usageError = usageError;
    }

    /** True when the user must change the request (name, package, folder, features). */
    public boolean isUsageError() {
        return usageError;
    }
}

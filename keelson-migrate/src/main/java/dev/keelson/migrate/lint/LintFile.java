package dev.keelson.migrate.lint;

/**
 * A migration file handed to the linter.
 *
 * @param path    shown in findings (a relative path reads best)
 * @param content the file's text
 * @param checked whether its findings are reported; unchecked files (already applied ones) are read only so later
 *                files know which tables exist and which constraints were validated
 */
public record LintFile(String path, String content, boolean checked) {
    /** The file name: the part of {@code path} after the last slash. */
    public String fileName() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}

package dev.keelson.cli.db;

/** How {@code keelson db lint} prints its findings. */
enum LintFormat {
    /** One block per finding, then a summary line. */
    TEXT,
    /** One JSON document for scripts. */
    JSON,
    /** SARIF 2.1.0, which code-review tools (GitHub code scanning, GitLab, ...) show on the line. */
    SARIF
}

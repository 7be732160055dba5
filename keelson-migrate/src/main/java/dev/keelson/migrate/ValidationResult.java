package dev.keelson.migrate;

import java.util.List;

/** The outcome of {@code validate}: valid when there are no problems. */
public record ValidationResult(List<ValidationProblem> problems) {
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}

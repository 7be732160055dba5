package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MigrationFailureAnalyzerTest {
    @Test
    void aFailedMigrationIsReportedWithTheEnginesMessageAndWhatToDo() {
        MigrationException failure = new MigrationException(ErrorCode.values()[0], "V2__orders.sql line 3: syntax error");
        FailureAnalysis analysis = new MigrationFailureAnalyzer()
                .analyze(new IllegalStateException("bean creation failed", failure));

        assertThat(analysis.getDescription()).contains("V2__orders.sql line 3: syntax error");
        assertThat(analysis.getAction()).contains("db/migration");
    }
}

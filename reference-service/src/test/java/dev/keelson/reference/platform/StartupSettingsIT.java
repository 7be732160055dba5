package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Settings are checked while the service starts: a bad one stops it with one message naming the setting and what to
 * do, and exit code 2. Each case starts the real application in this JVM (and one as its own process, for the exit
 * code) against a fresh database, so only the setting under test is wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSettingsIT {
    private static TestPostgres.Database database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        reference.http.max-body-size=lots                  | reference.http.max-body-size
        reference.http.max-body-size=0KB                   | reference.http.max-body-size: must be more than 0 bytes
        reference.http.cors.allowed-origins=*              | reference.http.cors.allowed-origins: '*' is a wildcard
        reference.http.cors.allowed-origins=app.example.com | 'app.example.com' is not an origin
        reference.database.statement-timeout=0s            | reference.database.statement-timeout: must be between 1ms and 1h, such as 5s, but is 0ms
        reference.pagination.cursor-key=c2hvcnQ=           | reference.pagination.cursor-key: has 5 bytes, too few
        reference.pagination.cursor-key=not base64!        | reference.pagination.cursor-key: is not base64
        """)
    void aBadSettingStopsTheStartUpNamingIt(String setting, String expected, CapturedOutput output) {
        assertThatThrownBy(() -> start(setting))
                .satisfies(e -> assertThat(InvalidSettingException.exitCodeOf(e))
                        .as("exit code")
                        .isEqualTo(2));

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(expected);
    }

    @Test
    void theProcessExitsWithCode2AndTheMessageOnABadSetting() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ReferenceApplication.class.getName()));
        command.addAll(arguments("reference.http.cors.allowed-origins=*"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("reference.http.cors.allowed-origins: '*' is a wildcard")
                .doesNotContain("\\tat org.springframework");
    }

    private static void start(String... settings) {
        start(database, settings);
    }

    private static List<String> arguments(String... settings) {
        return arguments(database, settings);
    }

    /** Starts the service over {@code database} with {@code settings} ({@code name=value}) and stops it again. */
    static void start(TestPostgres.Database database, String... settings) {
        new SpringApplicationBuilder(ReferenceApplication.class)
                .run(arguments(database, settings).toArray(String[]::new))
                .close();
    }

    private static List<String> arguments(TestPostgres.Database database, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.register-shutdown-hook=false",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user()));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return args;
    }
}

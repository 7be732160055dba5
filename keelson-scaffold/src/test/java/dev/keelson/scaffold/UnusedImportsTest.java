package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnusedImportsTest {
    @Test
    void importsWhoseNameNoLongerAppearsGoAndTheRestStay() {
        String source = """
                package a;

                import java.util.List;
                import org.springframework.security.oauth2.jwt.Jwt;
                import static java.util.Objects.requireNonNull;
                import java.util.concurrent.*;

                /** Uses {@link List}. */
                class A {
                    void f() {}
                }
                """;

        assertThat(UnusedImports.remove(source, "A.java")).isEqualTo("""
                package a;

                import java.util.List;
                import java.util.concurrent.*;

                /** Uses {@link List}. */
                class A {
                    void f() {}
                }
                """);
    }

    @Test
    void removingEveryImportLeavesOneBlankLine() {
        String source = "package a;\n\nimport x.Y;\n\nclass A {}\n";

        assertThat(UnusedImports.remove(source, "A.java")).isEqualTo("package a;\n\nclass A {}\n");
    }
}

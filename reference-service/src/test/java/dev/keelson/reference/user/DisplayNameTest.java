package dev.keelson.reference.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {
    private static final DisplayName.Check CHECK = new DisplayName.Check();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ada",
                "Zoë Ægir-Ødegård",
                "李小龍",
                "O'Brien & Sons",
                "<b>bold</b> is just text",
                "https://example.com is text too",
                "🐙 octopus"
            })
    void acceptsTextOnOneLine(String name) {
        assertThat(CHECK.isValid(name, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ada\nBcc: victim@example.com",
                "Ada\r\nSubject: pwned",
                "tab\there",
                "nul\u0000",
                "bidi \u202Egnp.exe",
                "zero\u200Bwidth",
                "line\u2028separator",
                "private \uE000",
                "   ",
                ""
            })
    void refusesControlFormattingAndInvisibleCharacters(String name) {
        assertThat(CHECK.isValid(name, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1000})
    void refusesMoreThanAHundredCharacters(int length) {
        assertThat(CHECK.isValid("x".repeat(length), null)).isFalse();
        assertThat(CHECK.isValid("🐙".repeat(100), null)).isTrue(); // counted in characters, not UTF-16 units
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Zoe\u0308  "})
    void normalisesToNfcWithoutSurroundingSpace(String name) {
        assertThat(DisplayName.Check.normalize(name)).isEqualTo("Zoë");
    }
}

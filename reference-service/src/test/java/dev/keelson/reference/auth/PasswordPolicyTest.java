package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final String EMAIL = "ada.lovelace@example.com";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple", // words and spaces, no digits or capitals: fine
                "Tr0ub4dor&3 is not enough..",
                "ünïcödé pässwörd ✓ 🐙 fine", // any printable Unicode
                "           x y z w v", // leading spaces are part of it
                "a 64 character passphrase that keeps going and going until it ends",
                "12345 plus some words"
            })
    void acceptsLongPasswordsWithoutCompositionRules(String password) {
        assertThat(POLICY.problem(PasswordPolicy.normalize(password), EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 11, 129, 1000})
    void refusesTooShortAndTooLong(int length) {
        String password = "correct horse battery staple ".repeat(40).substring(0, length);
        assertThat(POLICY.problem(password, EMAIL)).get().asString().contains("12 to 128 characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "qwertyuiop1234",
                "1qaz2wsx3edc4rfv",
                "PASSWORD1234",
                "password123456!",
                "!!monkey123456",
                "Football12345",
                "iloveyou1234567"
            })
    void refusesCommonPasswordsAndTheirVariants(String password) {
        assertThat(POLICY.problem(password, EMAIL)).get().asString().contains("most common");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaa",
                "abababababab",
                "abcabcabcabc",
                "1234123412341234",
                "zebrazebrazebra!",
                "horsehorsehorse",
                "abcdefghijklm",
                "987654321098",
                "mnopqrstuvwxyz",
                "            "
            })
    void refusesRepetitiveAndSequentialPasswords(String password) {
        assertThat(POLICY.problem(password, EMAIL)).get().asString().contains("repetition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.lovelace@example.com", "my ada.lovelace secret", "ADA.LOVELACE rocks!!"})
    void refusesPasswordsContainingTheEmail(String password) {
        assertThat(POLICY.problem(password, EMAIL)).get().asString().contains("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ﬃ ligatures are fine here", "ｆｕｌｌｗｉｄｔｈ ｐａｓｓ"})
    void normalisesCompatibilityFormsSoTheyMatchWhateverKeyboardTypedThem(String password) {
        assertThat(PasswordPolicy.normalize(password)).isNotEqualTo(password);
        assertThat(PasswordPolicy.normalize(PasswordPolicy.normalize(password)))
                .isEqualTo(PasswordPolicy.normalize(password));
    }
}

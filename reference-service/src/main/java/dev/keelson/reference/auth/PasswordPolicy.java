package dev.keelson.reference.auth;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B (section 5.1.1.2, "memorized secrets"): long rather than
 * complicated, and not one an attacker tries first.
 *
 * <ul>
 *   <li>{@value #MIN} to {@value #MAX} characters, counted as Unicode code points after NFKC normalisation (the form
 *       that is hashed, so a password typed on another keyboard still matches). Every printable character, spaces
 *       and emoji included, is allowed; there are no composition rules (no "one digit, one capital").
 *       {@value #MIN} rather than NIST's floor of 8, because the password is the only factor.
 *   <li>Not a common password: not on the shipped list ({@code auth/common-passwords.txt}, about 49,000 entries),
 *       compared without case, and not a listed password with digits or symbols around it ({@code password1234!}).
 *   <li>Not repetitive or sequential: not one piece repeated ({@code aaaaaaaaaaaa}, {@code abcabcabcabc},
 *       {@code monkeymonkey}), not fewer than 5 different characters, not a run such as {@code abcdefghijkl} or
 *       {@code 987654321098}, and no such letters within digits or symbols ({@code zebrazebrazebra!}).
 *   <li>Not the email address, nor containing it or its part before the {@code @} (when 4 characters or more).
 * </ul>
 */
@Component
class PasswordPolicy {
    static final int MIN = 12;
    static final int MAX = 128;
    private static final int MIN_DISTINCT = 5;
    private static final String LIST = "/auth/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The form of a password that is hashed and compared: NFKC (NIST's advice for Unicode passwords). */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Refuses {@code password} for the account {@code email} with a 400 that says what to change. */
    void check(String password, String email) {
        problem(normalize(password), email).ifPresent(reason -> {
            throw new ApiException(ErrorCode.VALIDATION, "password: " + reason);
        });
    }

    /** What is wrong with the (normalised) password, if anything. */
    Optional<String> problem(String password, String email) {
        long length = password.codePoints().count();
        if (length < MIN || length > MAX) {
            return Optional.of("must be " + MIN + " to " + MAX + " characters, spaces included (it has " + length
                    + "); a few words make a good one");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower))) {
            return Optional.of("is one of the most common passwords, which attackers try first: choose another");
        }
        if (repetitive(lower) || repetitiveCore(core(lower))) {
            return Optional.of("is a repetition or a run of characters (like aaaa, abab or abcd): choose another");
        }
        if (containsEmail(lower, email)) {
            return Optional.of("must not contain your email address or its name part: choose another");
        }
        return Optional.empty();
    }

    /** The password without the digits, symbols and spaces around it: {@code !password1234} is {@code password}. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static boolean repetitive(String lower) {
        int[] cps = lower.codePoints().toArray();
        return Arrays.stream(cps).distinct().count() < MIN_DISTINCT || repeatsAPiece(cps) || isRun(cps);
    }

    /** The same for the letters within digits and symbols ({@code zebrazebrazebra!}), when there are 6 or more. */
    private static boolean repetitiveCore(String core) {
        int[] cps = core.codePoints().toArray();
        return cps.length >= 6 && (repeatsAPiece(cps) || isRun(cps));
    }

    /** Whether the whole password is one shorter piece written two or more times. */
    private static boolean repeatsAPiece(int[] cps) {
        for (int piece = 1; piece <= cps.length / 2; piece++) {
            if (cps.length % piece == 0 && periodic(cps, piece)) {
                return true;
            }
        }
        return false;
    }

    private static boolean periodic(int[] cps, int piece) {
        for (int i = piece; i < cps.length; i++) {
            if (cps[i] != cps[i - piece]) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is the one before plus one, or every one minus one (digits wrap: 9, 0, 1). */
    private static boolean isRun(int[] cps) {
        int step = step(cps[0], cps[1]);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < cps.length; i++) {
            if (step(cps[i - 1], cps[i]) != step) {
                return false;
            }
        }
        return true;
    }

    private static int step(int from, int to) {
        if (from == '9' && to == '0') {
            return 1;
        }
        if (from == '0' && to == '9') {
            return -1;
        }
        return to - from;
    }

    private static boolean containsEmail(String lower, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        String name = at < 0 ? address : address.substring(0, at);
        return lower.contains(address) || (name.codePoints().count() >= 4 && lower.contains(name));
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(65_536);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LIST, e);
        }
        return Set.copyOf(passwords);
    }
}

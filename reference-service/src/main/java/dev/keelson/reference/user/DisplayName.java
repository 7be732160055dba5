package dev.keelson.reference.user;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;

/**
 * A display name: after Unicode normalisation (NFC) and trimming, 1 to {@value #MAX} characters (code points) of
 * text on one line. Refused: control characters (newlines, tabs, NUL), line and paragraph separators, invisible
 * formatting characters (zero-width characters, bidirectional overrides that reorder what a reader sees), private-use,
 * unassigned and lone surrogate code points. {@code null} passes (pair with {@code @NotBlank}). Store
 * {@link Check#normalize} of the value, not the value as sent.
 */
@Documented
@Constraint(validatedBy = DisplayName.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DisplayName {
    int MAX = 100;

    String message() default "must be 1 to 100 characters on one line: no control, formatting or invisible characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself. */
    final class Check implements ConstraintValidator<DisplayName, String> {
        /** The form to store: NFC, without leading and trailing white space. */
        public static String normalize(String name) {
            return Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String name = normalize(value);
            long length = name.codePoints().count();
            return length >= 1 && length <= MAX && name.codePoints().allMatch(Check::isText);
        }

        private static boolean isText(int codePoint) {
            return switch (Character.getType(codePoint)) {
                case Character.CONTROL,
                        Character.FORMAT,
                        Character.LINE_SEPARATOR,
                        Character.PARAGRAPH_SEPARATOR,
                        Character.PRIVATE_USE,
                        Character.SURROGATE,
                        Character.UNASSIGNED -> false;
                default -> true;
            };
        }
    }
}

package dev.keelson.reference.order;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order's money makes sense in its currency: the currency is an ISO 4217 currency that has minor units
 * ({@link Currency} knows them: EUR 2, JPY 0, BHD 3; codes such as XXX or XAU have none and are refused), and no unit
 * price has more decimals than the currency has minor units, nor more than the two the columns keep ({@code 1.50}
 * EUR and {@code 150} JPY are fine, {@code 1.5} JPY and {@code 1.234} BHD are not). Each violation names its field
 * ({@code currency}, {@code lines[2].unitPrice}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrencyAmounts.Check.class)
@interface CurrencyAmounts {
    String message() default "does not fit its currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; messages are fixed text (never the client's values, which would be read as templates). */
    final class Check implements ConstraintValidator<CurrencyAmounts, NewOrder> {
        private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toUnmodifiableSet());

        @Override
        public boolean isValid(NewOrder order, ConstraintValidatorContext context) {
            if (order.currency() == null || !order.currency().matches("[A-Z]{3}")) {
                return true; // @NotNull and @Pattern say so
            }
            context.disableDefaultConstraintViolation();
            if (!CODES.contains(order.currency())) {
                context.buildConstraintViolationWithTemplate("must be an ISO 4217 currency code such as EUR")
                        .addPropertyNode("currency")
                        .addConstraintViolation();
                return false;
            }
            // the columns keep two decimals (Money.SCALE): a currency with three (BHD) gets two here
            int minorUnits = Math.min(Currency.getInstance(order.currency()).getDefaultFractionDigits(), Money.SCALE);
            return pricesFit(order, minorUnits, context);
        }

        private static boolean pricesFit(NewOrder order, int minorUnits, ConstraintValidatorContext context) {
            boolean valid = true;
            for (int i = 0; order.lines() != null && i < order.lines().size(); i++) {
                NewOrder.Line line = order.lines().get(i);
                BigDecimal price = line == null ? null : line.unitPrice();
                if (price != null && price.stripTrailingZeros().scale() > minorUnits) {
                    context.buildConstraintViolationWithTemplate(
                                    "must have at most " + minorUnits + " decimals in this currency")
                            .addPropertyNode("lines")
                            .addPropertyNode("unitPrice")
                            .inIterable()
                            .atIndex(i)
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}

package dev.keelson.reference.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a client sends to place an order, with its validation rules. Every API that places orders (the REST body of
 * {@code POST /api/v1/orders}, GraphQL's {@code createOrder} input) binds to this record, so the rules are the same.
 * The bounds keep every total inside the columns' {@code numeric(19,2)}: 100 lines of 10,000 units at under
 * 10<sup>11</sup> each stay under 10<sup>17</sup>. Quantities are whole numbers ({@code 1.5} is refused, not
 * truncated: {@code spring.jackson.deserialization.accept-float-as-int} is off).
 */
@CurrencyAmounts
public record NewOrder(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Size(max = 500) String note,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {

    /** One requested line; the server computes its total. */
    public record Line(
            @NotBlank @Size(max = 200) String product,
            @NotNull @Min(1) @Max(10_000) Integer quantity,

            @NotNull @DecimalMin("0.00") @Digits(integer = 11, fraction = 2)
            BigDecimal unitPrice) {}
}

package dev.keelson.reference.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Order arithmetic in exact decimals with two fraction digits. Prices arrive with at most two decimals (validated),
 * so no step rounds; {@link RoundingMode#UNNECESSARY} makes any future mistake fail loudly instead of losing cents.
 */
final class Money {
    static final int SCALE = 2;

    private Money() {}

    static BigDecimal lineTotal(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    static BigDecimal total(List<BigDecimal> lineTotals) {
        return lineTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}

package dev.keelson.reference.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void lineTotalsAreExactWhereBinaryFloatingPointIsNot() {
        // 0.1 * 3 is 0.30000000000000004 in double
        assertThat(Money.lineTotal(new BigDecimal("0.10"), 3)).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void theTotalIsTheExactSumWithTwoDecimals() {
        BigDecimal total = Money.total(List.of(new BigDecimal("19.99"), new BigDecimal("0.01"), new BigDecimal("5")));
        assertThat(total).isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void anEmptyOrderTotalsZero() {
        assertThat(Money.total(List.of())).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void largeAmountsKeepEveryCent() {
        assertThat(Money.lineTotal(new BigDecimal("9999999999999.99"), 10_000))
                .isEqualTo(new BigDecimal("99999999999999900.00"));
    }

    @Test
    void aPriceWithMoreThanTwoDecimalsIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> Money.lineTotal(new BigDecimal("0.125"), 1)).isInstanceOf(ArithmeticException.class);
    }
}

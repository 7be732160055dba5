package dev.keelson.reference.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as stored; {@code lines} is empty when the order was read for a list. {@code ownerId} is the user who
 * placed it ({@code null} in a service without sign-in, where orders have no owner).
 */
public record Order(
        UUID ownerId,
        UUID id,
        OrderStatus status,
        String currency,
        BigDecimal total,
        String note,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<Line> lines) {

    /** One line: what was bought, how many, at what unit price, and their product. */
    public record Line(int lineNo, String product, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    Order withLines(List<Line> newLines) {
        return new Order(ownerId, id, status, currency, total, note, version, createdAt, updatedAt, newLines);
    }
}

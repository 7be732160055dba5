package dev.keelson.reference.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as stored; {@code lines} is empty when the order was read for a list.
 * {@code userId} is its owner. // keelson:auth
 */
public record Order(
        UUID userId, // keelson:auth
        UUID id, OrderStatus status, String currency, BigDecimal total, String note, int version,
        Instant createdAt, Instant updatedAt, List<Line> lines) {

    /** One line: what was bought, how many, at what unit price, and their product. */
    public record Line(int lineNo, String product, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    Order withLines(List<Line> newLines) {
        return new Order(
                userId, // keelson:auth
                id, status, currency, total, note, version, createdAt, updatedAt, newLines);
    }
}

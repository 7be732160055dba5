package dev.keelson.reference.order;

/** The life of an order. */
public enum OrderStatus {
    PLACED,
    CANCELLED;

    boolean cancellable() {
        return this == PLACED;
    }
}

package dev.keelson.reference.order;

import dev.keelson.reference.platform.ApiException;
import dev.keelson.reference.platform.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order rules. Callers pass the {@link Caller}; a user reaches only their own orders and gets 404 for anyone
 * else's, exactly as for an id that does not exist, so ids cannot be probed. Admins reach every order.
 */
@Service
class OrderService {
    private final Orders orders;
    private final TransactionTemplate transactions;

    OrderService(Orders orders, TransactionTemplate transactions) {
        this.orders = orders;
        this.transactions = transactions;
    }

    /** Who is asking. */
    record Caller(UUID userId, boolean admin) {
        /** The owner filter of this caller's queries: none for admins. */
        UUID ownerFilter() {
            return admin ? null : userId;
        }
    }

    /** One requested line. */
    record NewLine(String product, int quantity, BigDecimal unitPrice) {}

    Order place(Caller caller, String currency, String note, List<NewLine> requested) {
        List<Order.Line> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NewLine r = requested.get(i);
            lines.add(new Order.Line(i + 1, r.product().strip(), r.quantity(), r.unitPrice(),
                    Money.lineTotal(r.unitPrice(), r.quantity())));
        }
        BigDecimal total = Money.total(lines.stream().map(Order.Line::lineTotal).toList());
        return transactions.execute(tx -> orders.insert(caller.userId(), currency, total, note, lines));
    }

    Order get(Caller caller, UUID id) {
        return orders.find(id, caller.ownerFilter()).orElseThrow(() -> notFound(id));
    }

    List<Order> list(Orders.Query query) {
        return orders.list(query);
    }

    /** Changes the note when {@code expectedVersion} is current: 412 when it is not, 404 when the order is not the caller's. */
    Order updateNote(Caller caller, UUID id, int expectedVersion, String note) {
        return transactions.execute(tx -> orders.updateNote(id, caller.ownerFilter(), expectedVersion, note)
                .orElseThrow(() -> stale(get(caller, id), expectedVersion)));
    }

    /** Cancels a placed order: 409 when its state does not allow it; 412 when {@code expectedVersion} is stale. */
    Order cancel(Caller caller, UUID id, Integer expectedVersion) {
        return transactions.execute(tx -> {
            Order current = get(caller, id);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw stale(current, expectedVersion);
            }
            if (!current.status().cancellable()) {
                throw new ApiException(ErrorCode.INVALID_STATE,
                        "Order " + id + " is " + current.status() + "; only a PLACED order can be cancelled");
            }
            return orders.cancel(id, current.version()).orElseThrow(() -> stale(get(caller, id), current.version()));
        });
    }

    void delete(Caller caller, UUID id) {
        if (!orders.softDelete(id, caller.ownerFilter())) {
            throw notFound(id);
        }
    }

    private static ApiException stale(Order current, int expectedVersion) {
        return new ApiException(ErrorCode.PRECONDITION_FAILED, "The order is at version " + current.version()
                + ", not " + expectedVersion + ": GET it again and retry with its ETag");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no order " + id);
    }
}

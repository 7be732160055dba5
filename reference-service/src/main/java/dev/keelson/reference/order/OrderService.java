package dev.keelson.reference.order;

import dev.keelson.reference.platform.cache.ReadThroughCache;
import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.caller.Callers;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.paging.Cursor;
import dev.keelson.reference.platform.paging.CursorCodec;
import dev.keelson.reference.platform.paging.Page;
import dev.keelson.reference.platform.paging.Sort;
import dev.keelson.reference.platform.paging.Sorts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order rules. Every method takes the {@link Caller}: a caller reaches only the orders they own and gets 404 for
 * anyone else's, exactly as for an id that does not exist, so ids cannot be probed. Admins (and every caller of a
 * service without sign-in) reach every order.
 */
@Service
public class OrderService {
    private final Orders orders;
    private final TransactionTemplate transactions;
    private final CursorCodec cursors;
    private final ReadThroughCache cache;
    private final Callers callers;

    OrderService(
            Orders orders,
            TransactionTemplate transactions,
            CursorCodec cursors,
            ReadThroughCache cache,
            Callers callers) {
        this.orders = orders;
        this.transactions = transactions;
        this.cursors = cursors;
        this.cache = cache;
        this.callers = callers;
    }

    /**
     * What a list asks for: optional filters, the {@code sort} ({@link #SORTS}: {@code -createdAt}, newest first, when
     * {@code null}), the {@code cursor} of a previous page of the same list (or {@code null} for the first page) and
     * the page size (1 to {@link Page#MAX_LIMIT}, checked by the API).
     */
    public record ListRequest(
            OrderStatus status, Instant createdFrom, Instant createdTo, String sort, String cursor, int limit) {}

    /** The sorts a list of orders allows: {@code createdAt} and {@code -createdAt}. */
    public static final Sorts<Order> SORTS = Sorts.of("orders", Order::id, Order::createdAt);

    /** Places an order, owned by the caller: only a caller whose email address is verified may (403 otherwise). */
    public Order place(Caller caller, NewOrder request) {
        callers.requireVerifiedEmail(caller);
        List<Order.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewOrder.Line r = request.lines().get(i);
            lines.add(new Order.Line(
                    i + 1,
                    r.product().strip(),
                    r.quantity(),
                    r.unitPrice(),
                    Money.lineTotal(r.unitPrice(), r.quantity())));
        }
        BigDecimal total = Money.total(lines.stream().map(Order.Line::lineTotal).toList());
        return transactions.execute(
                tx -> orders.insert(caller.userId(), request.currency(), total, request.note(), lines));
    }

    /** The order as stored now (for writes, which must not decide on a cached copy). */
    public Order get(Caller caller, UUID id) {
        return orders.find(caller.ownerFilter(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * The order for reading, from the cache when it is there. Every write below drops the cached copy, so a read
     * after a committed write never sees the old version. The owner check runs on every read, cached or not.
     */
    public Order read(Caller caller, UUID id) {
        return cache.get(cacheKey(id), Order.class, () -> orders.find(null, id))
                .filter(order -> caller.reaches(order.ownerId()))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * One page of orders, without their lines. An unknown sort, and a cursor that was altered, made with another key
     * or belongs to another sort order, are validation errors. Users see their own orders, admins every order.
     */
    public Page<Order> list(Caller caller, ListRequest request) {
        Sort<Order> sort = SORTS.parse(request.sort());
        Cursor after = sort.after(request.cursor(), cursors);
        List<Order> fetched = orders.list(new Orders.Query(
                caller.ownerFilter(),
                request.status(),
                request.createdFrom(),
                request.createdTo(),
                sort,
                after,
                request.limit()));
        return Page.of(fetched, request.limit(), sort::position, cursors);
    }

    /** Changes the note when {@code expectedVersion} is current: 412 when it is not, 404 when there is no such order. */
    Order updateNote(Caller caller, UUID id, int expectedVersion, String note) {
        return transactions.execute(tx -> {
            cache.evict(cacheKey(id));
            return orders.updateNote(caller.ownerFilter(), id, expectedVersion, note)
                    .orElseThrow(() -> stale(get(caller, id), expectedVersion));
        });
    }

    /** Cancels a placed order: 409 when its state does not allow it; 412 when {@code expectedVersion} is stale. */
    public Order cancel(Caller caller, UUID id, Integer expectedVersion) {
        return transactions.execute(tx -> {
            Order current = get(caller, id);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw stale(current, expectedVersion);
            }
            if (!current.status().cancellable()) {
                throw new ApiException(
                        ErrorCode.INVALID_STATE,
                        "Order " + id + " is " + current.status() + "; only a PLACED order can be cancelled");
            }
            cache.evict(cacheKey(id));
            return orders.cancel(id, current.version()).orElseThrow(() -> stale(get(caller, id), current.version()));
        });
    }

    void delete(Caller caller, UUID id) {
        if (!orders.softDelete(caller.ownerFilter(), id)) {
            throw notFound(id);
        }
        cache.evict(cacheKey(id));
    }

    private static String cacheKey(UUID id) {
        return "order:" + id;
    }

    private static ApiException stale(Order current, int expectedVersion) {
        return new ApiException(
                ErrorCode.PRECONDITION_FAILED,
                "The order is at version " + current.version() + ", not " + expectedVersion
                        + ": GET it again and retry with its ETag");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no order " + id);
    }
}

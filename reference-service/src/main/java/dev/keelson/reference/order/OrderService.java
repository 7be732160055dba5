package dev.keelson.reference.order;

import dev.keelson.reference.platform.cache.ReadThroughCache;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.paging.Cursor;
import dev.keelson.reference.platform.paging.CursorCodec;
import dev.keelson.reference.platform.paging.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value; // keelson:auth
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order rules.
 * Callers pass the {@link Caller}; a user reaches only their own orders and gets 404 for anyone // keelson:auth
 * else's, exactly as for an id that does not exist, so ids cannot be probed. Admins reach every order. // keelson:auth
 */
@Service
public class OrderService {
    private final Orders orders;
    private final TransactionTemplate transactions;
    private final CursorCodec cursors;
    private final ReadThroughCache cache;
    private final boolean ordersNeedVerifiedEmail; // keelson:auth

    OrderService(
            @Value("${reference.auth.orders-need-verified-email:true}") boolean ordersNeedVerifiedEmail, // keelson:auth
            Orders orders, TransactionTemplate transactions, CursorCodec cursors, ReadThroughCache cache) {
        this.ordersNeedVerifiedEmail = ordersNeedVerifiedEmail; // keelson:auth
        this.orders = orders;
        this.transactions = transactions;
        this.cursors = cursors;
        this.cache = cache;
    }
    // keelson:begin auth

    /** Who is asking, and whether they proved their email address is theirs. */
    public record Caller(UUID userId, boolean admin, boolean emailVerified) {
        /**
         * The caller an access token names: its subject, admin when its {@code roles} claim holds ADMIN, verified when
         * its {@code email_verified} claim is true.
         */
        public static Caller of(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new Caller(UUID.fromString(jwt.getSubject()), roles != null && roles.contains("ADMIN"),
                    Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")));
        }

        /** The owner filter of this caller's queries: none for admins. */
        UUID ownerFilter() {
            return admin ? null : userId;
        }

        /** True when the caller may see {@code order}. */
        boolean reaches(Order order) {
            return admin || order.userId().equals(userId);
        }
    }

    private void requireVerified(Caller caller) {
        if (ordersNeedVerifiedEmail && !caller.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_NOT_VERIFIED, "Verify your email address before placing orders: "
                    + "send the emailed code to POST /api/v1/auth/verify-email, then refresh your access token");
        }
    }
    // keelson:end auth

    /**
     * What a list asks for: optional filters, the order ({@code ascending} is oldest first), the {@code cursor} of a
     * previous page of the same list (or {@code null} for the first page) and the page size (1 to
     * {@link Page#MAX_LIMIT}, checked by the API).
     */
    public record ListRequest(OrderStatus status, Instant createdFrom, Instant createdTo, boolean ascending,
            String cursor, int limit) {}

    /**
     * Places an order.
     * Only a caller whose email address is verified may (403 otherwise): until then the account may be anyone's who // keelson:auth
     * typed that address, and orders are what a shop must be able to tie to a reachable customer. // keelson:auth
     * {@code reference.auth.orders-need-verified-email=false} lifts this (guest-style shops, load tests). // keelson:auth
     */
    public Order place(
            Caller caller, // keelson:auth
            NewOrder request) {
        requireVerified(caller); // keelson:auth
        List<Order.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewOrder.Line r = request.lines().get(i);
            lines.add(new Order.Line(i + 1, r.product().strip(), r.quantity(), r.unitPrice(),
                    Money.lineTotal(r.unitPrice(), r.quantity())));
        }
        BigDecimal total = Money.total(lines.stream().map(Order.Line::lineTotal).toList());
        return transactions.execute(tx -> orders.insert(
                caller.userId(), // keelson:auth
                request.currency(), total, request.note(), lines));
    }

    /** The order as stored now (for writes, which must not decide on a cached copy). */
    public Order get(
            Caller caller, // keelson:auth
            UUID id) {
        return orders.find(
                caller.ownerFilter(), // keelson:auth
                id).orElseThrow(() -> notFound(id));
    }

    /**
     * The order for reading, from the cache when it is there. Every write below drops the cached copy, so a read
     * after a committed write never sees the old version.
     * The owner check runs on every read, cached or not. // keelson:auth
     */
    public Order read(
            Caller caller, // keelson:auth
            UUID id) {
        return cache.get(cacheKey(id), Order.class, () -> orders.find(
                        null, // keelson:auth
                        id))
                .filter(caller::reaches) // keelson:auth
                .orElseThrow(() -> notFound(id));
    }

    /**
     * One page of orders, without their lines. A cursor that was altered, made with another key or belongs to the
     * other sort order is a validation error.
     * Users see their own orders, admins every order. // keelson:auth
     */
    public Page<Order> list(
            Caller caller, // keelson:auth
            ListRequest request) {
        Cursor after = request.cursor() == null ? null : cursors.decode(request.cursor());
        if (after != null && after.ascending() != request.ascending()) {
            throw new ApiException(ErrorCode.VALIDATION, "cursor belongs to a list with the other sort order");
        }
        List<Order> fetched = orders.list(new Orders.Query(
                caller.ownerFilter(), // keelson:auth
                request.status(), request.createdFrom(), request.createdTo(), after, request.ascending(),
                request.limit()));
        return Page.of(fetched, request.limit(), o -> new Cursor(o.createdAt(), o.id(), request.ascending()), cursors);
    }

    /** Changes the note when {@code expectedVersion} is current: 412 when it is not, 404 when there is no such order. */
    Order updateNote(
            Caller caller, // keelson:auth
            UUID id, int expectedVersion, String note) {
        return transactions.execute(tx -> {
            cache.evict(cacheKey(id));
            return orders.updateNote(
                            caller.ownerFilter(), // keelson:auth
                            id, expectedVersion, note)
                    .orElseThrow(() -> stale(get(
                            caller, // keelson:auth
                            id), expectedVersion));
        });
    }

    /** Cancels a placed order: 409 when its state does not allow it; 412 when {@code expectedVersion} is stale. */
    public Order cancel(
            Caller caller, // keelson:auth
            UUID id, Integer expectedVersion) {
        return transactions.execute(tx -> {
            Order current = get(
                    caller, // keelson:auth
                    id);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw stale(current, expectedVersion);
            }
            if (!current.status().cancellable()) {
                throw new ApiException(ErrorCode.INVALID_STATE,
                        "Order " + id + " is " + current.status() + "; only a PLACED order can be cancelled");
            }
            cache.evict(cacheKey(id));
            return orders.cancel(id, current.version()).orElseThrow(() -> stale(get(
                    caller, // keelson:auth
                    id), current.version()));
        });
    }

    void delete(
            Caller caller, // keelson:auth
            UUID id) {
        if (!orders.softDelete(
                caller.ownerFilter(), // keelson:auth
                id)) {
            throw notFound(id);
        }
        cache.evict(cacheKey(id));
    }

    private static String cacheKey(UUID id) {
        return "order:" + id;
    }

    private static ApiException stale(Order current, int expectedVersion) {
        return new ApiException(ErrorCode.PRECONDITION_FAILED, "The order is at version " + current.version()
                + ", not " + expectedVersion + ": GET it again and retry with its ETag");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no order " + id);
    }
}

package dev.keelson.reference.graphql;

import dev.keelson.reference.auth.JwtCallers;
import dev.keelson.reference.order.NewOrder;
import dev.keelson.reference.order.Order;
import dev.keelson.reference.order.OrderService;
import dev.keelson.reference.order.OrderStatus;
import dev.keelson.reference.platform.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * Orders in GraphQL: {@code order}, {@code orders}, {@code createOrder}, {@code cancelOrder}, all through
 * {@link OrderService} with the caller the access token names, so ownership (another user's order is NOT_FOUND),
 * states and versions work exactly as in REST. An order's {@code owner} and {@code lines} are batch-loaded: one
 * statement each for a whole page of orders.
 */
@Controller
class OrderGraph {
    private final OrderService orders;
    private final Relations relations;

    OrderGraph(OrderService orders, Relations relations) {
        this.orders = orders;
        this.relations = relations;
    }

    /** The schema's {@code OrderSort}. */
    enum OrderSort {
        NEWEST_FIRST,
        OLDEST_FIRST
    }

    @QueryMapping
    Order order(@AuthenticationPrincipal Jwt jwt, @Argument UUID id) {
        return orders.get(JwtCallers.of(jwt), id);
    }

    @QueryMapping
    Connection<Order> orders(
            @AuthenticationPrincipal Jwt jwt,
            @Argument @Min(1) @Max(Page.MAX_LIMIT) int first,
            @Argument @Size(max = 200) String after,
            @Argument OrderStatus status,
            @Argument Instant createdFrom,
            @Argument Instant createdTo,
            @Argument OrderSort sort) {
        OrderService.ListRequest request = new OrderService.ListRequest(
                status,
                createdFrom,
                createdTo,
                sort == OrderSort.OLDEST_FIRST ? "createdAt" : "-createdAt",
                after,
                first);
        return Connection.of(orders.list(JwtCallers.of(jwt), request));
    }

    @MutationMapping
    Order createOrder(@AuthenticationPrincipal Jwt jwt, @Argument @Valid NewOrder input) {
        return orders.place(JwtCallers.of(jwt), input);
    }

    @MutationMapping
    Order cancelOrder(@AuthenticationPrincipal Jwt jwt, @Argument UUID id, @Argument Integer expectedVersion) {
        return orders.cancel(JwtCallers.of(jwt), id, expectedVersion);
    }

    /** The owners of all orders in the response, in one statement; a deleted owner is {@code null}. */
    @BatchMapping(typeName = "Order")
    Map<Order, Account> owner(List<Order> page) {
        Map<UUID, Account> accounts =
                relations.accounts(page.stream().map(Order::ownerId).distinct().toList());
        return page.stream()
                .filter(o -> accounts.containsKey(o.ownerId()))
                .collect(Collectors.toMap(Function.identity(), o -> accounts.get(o.ownerId()), (a, b) -> a));
    }

    /**
     * The lines of all orders in the response. Single orders come with their lines; a list comes without, and
     * their lines are read in one statement.
     */
    @BatchMapping(typeName = "Order")
    Map<Order, List<Order.Line>> lines(List<Order> page) {
        List<UUID> missing = page.stream()
                .filter(o -> o.lines().isEmpty())
                .map(Order::id)
                .distinct()
                .toList();
        Map<UUID, List<Order.Line>> loaded = missing.isEmpty() ? Map.of() : relations.lines(missing);
        return page.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        o -> o.lines().isEmpty() ? loaded.getOrDefault(o.id(), List.of()) : o.lines(),
                        (a, b) -> a));
    }
}

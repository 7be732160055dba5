package dev.keelson.reference.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.keelson.reference.platform.cache.ListEndpoint;
import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.http.ETags;
import dev.keelson.reference.platform.http.Envelope;
import dev.keelson.reference.platform.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/orders}. Single orders carry an {@code ETag} (their version); {@code PATCH} requires
 * {@code If-Match} with it (428 without, 412 when stale). Lists are newest first by default ({@code sort=createdAt}
 * for oldest first), {@code limit} 1 to 100 (20 by default), continued with {@code cursor=meta.nextCursor}.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Validated
class OrderController {
    /** Clients may keep what they read but must revalidate it (with its ETag) before using it again. */
    private static final CacheControl NO_STORE = CacheControl.noStore().cachePrivate();

    private final OrderService service;

    OrderController(OrderService service) {
        this.service = service;
    }

    /** The list's pages get hash ETags (single orders carry their version instead). */
    @Bean
    static ListEndpoint orderList() {
        return new ListEndpoint("/api/v1/orders");
    }

    record PatchRequest(@Size(max = 500) String note) {}

    record LineView(
            int lineNo,
            String product,
            int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {}

    /** Money goes out as strings ("25.50") so no client parses it into a binary float. */
    record OrderView(
            UUID id,
            OrderStatus status,
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
            String note,
            int version,
            Instant createdAt,
            Instant updatedAt,
            List<LineView> lines) {
        static OrderView of(Order o) {
            List<LineView> lines = o.lines().stream()
                    .map(l -> new LineView(l.lineNo(), l.product(), l.quantity(), l.unitPrice(), l.lineTotal()))
                    .toList();
            return new OrderView(
                    o.id(),
                    o.status(),
                    o.currency(),
                    o.total(),
                    o.note(),
                    o.version(),
                    o.createdAt(),
                    o.updatedAt(),
                    lines.isEmpty() ? null : lines);
        }
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<Envelope<OrderView>> create(Caller caller, @Valid @RequestBody NewOrder request) {
        Order order = service.place(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id()))
                .eTag(etag(order))
                .body(Envelope.of(OrderView.of(order)));
    }

    @GetMapping
    ResponseEntity<Envelope<List<OrderView>>> list(
            Caller caller,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Instant createdFrom,
            @RequestParam(required = false) Instant createdTo,
            @RequestParam(defaultValue = "-createdAt") @Size(max = 100) String sort,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 200) String cursor) {
        OrderService.ListRequest request =
                new OrderService.ListRequest(status, createdFrom, createdTo, sort, cursor, limit);
        return ResponseEntity.ok()
                .cacheControl(NO_STORE)
                .body(Envelope.page(service.list(caller, request).map(OrderView::of)));
    }

    /** With {@code ETag} (its version) and {@code Cache-Control: no-store, private}; 304 for {@code If-None-Match}. */
    @GetMapping("/{id}")
    ResponseEntity<Envelope<OrderView>> get(Caller caller, @PathVariable UUID id) {
        Order order = service.read(caller, id);
        return ResponseEntity.ok().eTag(etag(order)).cacheControl(NO_STORE).body(Envelope.of(OrderView.of(order)));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Envelope<OrderView>> patch(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PatchRequest request) {
        int version = ETags.required(ifMatch, "order");
        return single(service.updateNote(caller, id, version, request.note()));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<Envelope<OrderView>> cancel(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return single(service.cancel(caller, id, ifMatch == null ? null : ETags.version(ifMatch, "order")));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        service.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Envelope<OrderView>> single(Order order) {
        return ResponseEntity.ok().eTag(etag(order)).body(Envelope.of(OrderView.of(order)));
    }

    private static String etag(Order order) {
        return ETags.of(order.version());
    }
}

package dev.keelson.reference.platform.idempotency;

import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.errors.Problems;
import dev.keelson.reference.platform.http.BufferedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes mutating API requests that carry {@code Idempotency-Key} safe to retry. The request runs inside one
 * transaction that first claims the key (the handler's own transactions join it), and a successful (2xx) response
 * is stored in that same transaction, so the record exists exactly when the request's changes committed:
 *
 * <ul>
 *   <li>same key, same request (method, path, query, {@code If-Match}, body), already committed: the stored
 *       response is replayed with {@code Idempotent-Replayed: true}, on any instance;
 *   <li>same key, different request: 422;
 *   <li>same key while the first request still runs: the retry waits on the key's row lock until the first
 *       one commits (then replays) or rolls back (then runs); after
 *       {@code reference.idempotency.wait-for-first} it gets 409;
 *   <li>a failed request (4xx, 5xx) keeps nothing: its changes roll back unless its handler committed them on
 *       purpose (a 4xx after a deliberate change), and a retry runs anew;
 *   <li>a request routed to a handler marked {@link NeverReplayed} ignores the key: nothing is stored or replayed.
 * </ul>
 *
 * The stored request fingerprint is an HMAC-SHA256 under a key derived from the server's secret
 * ({@code reference.pagination.cursor-key}) and the client's key, never a plain hash, and the key is stored only as
 * an HMAC under that secret ({@link IdempotencyKey}): a copy of the table does not let anyone test guesses of a
 * key or a request body offline.
 *
 * Runs after Spring Security and the rate limiter. A key belongs to the signed-in user ({@link Caller#USER_ID}):
 * users cannot replay each other's responses.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 3)
class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> REPLAYED_HEADERS = Set.of("Content-Type", "Location", "ETag");

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final Problems problems;
    private final IdempotencyProperties properties;
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private final byte[] keyingKey;
    private final SecretKeySpec fingerprintKey;

    IdempotencyFilter(
            IdempotencyKeys keys,
            PlatformTransactionManager transactions,
            Problems problems,
            IdempotencyProperties properties,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers,
            @Value("${reference.pagination.cursor-key:}") String serverSecret) {
        this.keys = keys;
        this.transactions = transactions;
        this.problems = problems;
        this.properties = properties;
        this.handlers = handlers;
        byte[] secret = secretBytes(serverSecret);
        this.keyingKey = hmac(secret, "keelson-idempotency-key");
        this.fingerprintKey = new SecretKeySpec(hmac(secret, "keelson-idempotency-fingerprint"), "HmacSHA256");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled()
                || !MUTATING.contains(request.getMethod())
                || !request.getServletPath().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (neverReplayed(request)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HEADER);
        if (!IdempotencyKey.valid(header)) {
            problems.write(
                    problems.of(
                            ErrorCode.VALIDATION,
                            "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID",
                            request),
                    response);
            return;
        }
        BufferedBody buffered = BufferedBody.of(request);
        IdempotencyKey key = IdempotencyKey.of(keyingKey, scope(request), header);
        TransactionStatus tx;
        try {
            tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        } catch (TransactionException e) {
            unavailable(request, response, e);
            return;
        }
        try {
            handle(tx, key, fingerprint(header, key.scope(), buffered), buffered, response, chain);
        } catch (DataAccessResourceFailureException | TransactionException e) {
            unavailable(request, response, e);
        } finally {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
        }
    }

    private void handle(
            TransactionStatus tx,
            IdempotencyKey key,
            byte[] fingerprint,
            BufferedBody request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        switch (keys.claim(key, fingerprint, properties.ttl(), properties.waitForFirst())) {
            case IdempotencyKeys.Claimed claimed -> execute(tx, key, request, response, chain);
            case IdempotencyKeys.Completed done
            when !MessageDigest.isEqual(done.requestHash(), fingerprint) ->
                problems.write(
                        problems.of(
                                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used "
                                        + "for a different request (method, path or body): send a new key for a new request",
                                request),
                        response);
            case IdempotencyKeys.Completed done -> replay(StoredResponse.decode(key.open(done.response())), response);
            case IdempotencyKeys.Busy busy -> {
                response.setHeader("Retry-After", "1");
                problems.write(
                        problems.of(
                                ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                                "A request with this Idempotency-Key "
                                        + "is still running: retry in a moment to get its response",
                                request),
                        response);
            }
        }
    }

    /** Runs the request; keeps its response and changes when it succeeded, in this transaction. */
    private void execute(
            TransactionStatus tx,
            IdempotencyKey key,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        int status = captured.getStatus();
        if (tx.isRollbackOnly() || status >= 500) {
            transactions.rollback(tx);
        } else if (status >= 400) {
            keys.release(key);
            transactions.commit(tx);
        } else {
            keys.complete(key, status, key.seal(stored(captured).encode()));
            transactions.commit(tx);
        }
        captured.copyBodyToResponse();
    }

    private static StoredResponse stored(ContentCachingResponseWrapper response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray());
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** The database failed before the response was sent: nothing of it went out, so a retry is safe. */
    private void unavailable(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        log.warn("Idempotent {} {} not completed: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        if (response.isCommitted()) {
            return;
        }
        String requestId = response.getHeader("X-Request-Id");
        response.reset();
        if (requestId != null) {
            response.setHeader("X-Request-Id", requestId);
        }
        response.setHeader("Retry-After", "2");
        problems.write(
                problems.of(
                        ErrorCode.UNAVAILABLE,
                        "The service cannot reach its database right now; "
                                + "retry with the same Idempotency-Key in a few seconds",
                        request),
                response);
    }

    /** Whose keys: each user's own; requests without a user share one scope. */
    private static String scope(HttpServletRequest request) {
        Object user = request.getAttribute(Caller.USER_ID);
        return user == null ? "anonymous" : "user:" + user;
    }

    /** Whether the handler the request is routed to (as the dispatcher will route it) is {@link NeverReplayed}. */
    private boolean neverReplayed(HttpServletRequest request) {
        HandlerExecutionChain chain;
        try {
            chain = handlers.getObject().getHandler(request);
        } catch (Exception e) {
            return false; // no handler: the dispatcher answers 404/405 itself, and nothing is stored for a 4xx
        }
        return chain != null
                && chain.getHandler() instanceof HandlerMethod method
                && (method.hasMethodAnnotation(NeverReplayed.class)
                        || method.getBeanType().isAnnotationPresent(NeverReplayed.class));
    }

    /**
     * HMAC-SHA256 of method, path (decoded and normalised by Tomcat, as Spring MVC routes on it) and query,
     * {@code If-Match} and body, keyed by the server secret and the client's key.
     */
    private byte[] fingerprint(String clientKey, String scope, BufferedBody request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacWith(fingerprintKey, scope + '\0' + clientKey), "HmacSHA256"));
            for (String part : new String[] {
                request.getMethod(), request.getServletPath(), request.getQueryString(), request.getHeader("If-Match")
            }) {
                mac.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal(request.body());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** The configured secret, or (none configured: development) one made now, as the cursor codec does. */
    private static byte[] secretBytes(String configured) {
        if (!configured.isBlank()) {
            return configured.strip().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmacWith(new SecretKeySpec(key, "HmacSHA256"), message);
    }

    private static byte[] hmacWith(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}

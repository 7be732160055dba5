package dev.keelson.reference.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /graphql} over real HTTP against the whole service: queries and mutations over the REST services,
 * batched loading (counted in SQL statements), field-level and role checks, and errors as problem documents.
 */
class GraphQlIT extends ServiceTest {
    /** The tables an order list with owners and lines reads; background jobs (the outbox relay) touch none of them. */
    private static final Pattern ORDER_TABLES = Pattern.compile("\\b(orders|order_lines|users)\\b");

    private static final String ORDERS_WITH_OWNERS = """
            query($first: Int!, $from: String, $to: String) {
              orders(first: $first, createdFrom: $from, createdTo: $to, sort: OLDEST_FIRST) {
                nodes { id total lines { product quantity lineTotal } owner { id displayName email } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private static final String ORDER_PAGE = """
            query($first: Int!, $after: String) {
              orders(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
            }""";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private StatementLog statements;

    private Session user;

    @BeforeEach
    void aUser() {
        user = api.newUser();
    }

    @Test
    void aListOfOrdersWithTheirOwnersCostsTheSameStatementsForOneOrderAsForTwenty() {
        Session admin = admin();
        // 20 orders of 20 owners, dated in a second of 2001 that no other test uses, so the admin's list holds only
        // them
        Instant when = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(new Random().nextInt(1_000_000));
        Map<String, String> ownerOfOrder = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            UUID owner = insertUser("Owner " + i);
            ownerOfOrder.put(insertOrder(owner, when).toString(), owner.toString());
        }
        Map<String, Object> window =
                Map.of("from", when.toString(), "to", when.plusSeconds(1).toString());

        int beforeOne = statements.mark();
        JsonNode one = data(graphql(admin, ORDERS_WITH_OWNERS, with(window, "first", 1)));
        List<String> forOne = orderStatements(beforeOne);
        int beforeTwenty = statements.mark();
        JsonNode twenty = data(graphql(admin, ORDERS_WITH_OWNERS, with(window, "first", 20)));
        List<String> forTwenty = orderStatements(beforeTwenty);

        assertThat(one.at("/orders/nodes")).hasSize(1);
        assertThat(twenty.at("/orders/nodes")).hasSize(20);
        twenty.at("/orders/nodes").forEach(order -> {
            assertThat(order.at("/owner/id").asString())
                    .isEqualTo(ownerOfOrder.get(order.get("id").asString()));
            assertThat(order.at("/owner/email").asString()).startsWith("owner-");
            assertThat(order.at("/lines/0/lineTotal").asString()).isEqualTo("1.00");
        });
        assertThat(forTwenty).as("statements for 20 orders: %s", forTwenty).hasSameSizeAs(forOne);
        assertThat(forOne)
                .as("one page of orders, one of owners, one of lines: %s", forOne)
                .hasSize(3);
    }

    @Test
    void meShowsTheCallersOwnAccountWithItsPrivateFields() {
        JsonNode me = data(graphql(user, "{ me { id displayName email emailVerified roles } }", Map.of()))
                .get("me");

        assertThat(me.get("email").asString()).isEqualTo(user.email());
        assertThat(me.get("emailVerified").asBoolean()).isTrue(); // newUser() verifies the address
        assertThat(me.get("roles").toString()).isEqualTo("[\"USER\"]");
    }

    @Test
    void anotherUsersPrivateFieldsAreNullWithAForbiddenErrorEachWhileThePublicOnesShow() {
        String other = myId(api.newUser());

        Reply reply = graphql(
                user,
                "query($id: ID!) { user(id: $id) { id displayName email emailVerified roles } }",
                Map.of("id", other));

        JsonNode profile = reply.json().at("/data/user");
        assertThat(profile.get("id").asString()).isEqualTo(other);
        assertThat(profile.get("displayName").asString()).isEqualTo("Test User");
        assertThat(profile.get("email").isNull()).isTrue();
        assertThat(profile.get("emailVerified").isNull()).isTrue();
        assertThat(profile.get("roles").isNull()).isTrue();
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).hasSize(3);
        errors.forEach(e -> {
            assertThat(e.at("/extensions/type").asString()).isEqualTo("https://keelson.dev/problems/forbidden");
            assertThat(e.at("/extensions/status").asInt()).isEqualTo(403);
            assertThat(e.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        });
        // fields resolve concurrently, so their errors come in no fixed order
        Map<String, String> detailByPath = new HashMap<>();
        errors.forEach(e -> detailByPath.put(
                e.at("/path").toString(), e.at("/extensions/detail").asString()));
        assertThat(detailByPath)
                .containsOnlyKeys("[\"user\",\"email\"]", "[\"user\",\"emailVerified\"]", "[\"user\",\"roles\"]")
                .containsEntry(
                        "[\"user\",\"email\"]", "User.email is visible only to the account itself and to admins");
    }

    @Test
    void anAdminSeesEveryonesPrivateFieldsAndPagesThroughUsersWithRestCursors() {
        Session admin = admin();
        String prefix = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            insertUser(prefix + "-" + i, prefix + "-" + i + "@example.com");
        }
        String query = """
                query($after: String, $prefix: String) {
                  users(first: 2, after: $after, emailPrefix: $prefix) {
                    nodes { email roles } pageInfo { hasNextPage endCursor }
                  }
                }""";

        JsonNode first = data(graphql(admin, query, Map.of("prefix", prefix))).get("users");
        String cursor = first.at("/pageInfo/endCursor").asString();
        JsonNode second = data(graphql(admin, query, with(Map.of("prefix", prefix), "after", cursor)))
                .get("users");
        Reply rest = api.get("/api/v1/users?limit=2&emailPrefix=" + prefix + "&cursor=" + cursor)
                .token(admin.accessToken())
                .send();

        assertThat(Api.texts(first.get("nodes"), "email"))
                .containsExactly(prefix + "-2@example.com", prefix + "-1@example.com");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(Api.texts(second.get("nodes"), "email")).containsExactly(prefix + "-0@example.com");
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(second.at("/pageInfo/endCursor").isNull()).isTrue();
        assertThat(Api.texts(rest.json().get("data"), "email")).containsExactly(prefix + "-0@example.com");
    }

    @Test
    void usersIsForbiddenToNonAdminsWithTheProblemExtensions() {
        Reply reply = graphql(user, "{ users { nodes { id } } }", Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data").isNull()).isTrue();
        JsonNode error = reply.json().at("/errors/0");
        assertThat(error.get("message").asString()).isEqualTo("You do not have the role this needs");
        assertThat(error.at("/extensions/type").asString()).isEqualTo("https://keelson.dev/problems/forbidden");
        assertThat(error.at("/extensions/title").asString()).isEqualTo("Not allowed");
        assertThat(error.at("/extensions/status").asInt()).isEqualTo(403);
        assertThat(error.at("/extensions/detail").asString()).isEqualTo("You do not have the role this needs");
        assertThat(error.at("/extensions/instance").asString()).isEqualTo("/graphql");
        assertThat(error.at("/extensions/requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void createOrderComputesExactTotalsAndShowsTheOwner() {
        Reply reply = graphql(user, """
                mutation {
                  createOrder(input: {currency: "EUR", note: "gift", lines: [
                      {product: " Tea ", quantity: 3, unitPrice: "0.10"},
                      {product: "Teapot", quantity: 1, unitPrice: "19.99"}]}) {
                    status currency total note version lines { lineNo product lineTotal } owner { email }
                  }
                }""", Map.of());

        JsonNode order = data(reply).get("createOrder");
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("total").asString()).isEqualTo("20.29");
        assertThat(order.get("version").asInt()).isEqualTo(1);
        assertThat(order.at("/lines/0/product").asString()).isEqualTo("Tea");
        assertThat(order.at("/lines/0/lineTotal").asString()).isEqualTo("0.30");
        assertThat(order.at("/owner/email").asString()).isEqualTo(user.email());
    }

    @Test
    void createOrderListsEveryBadFieldAsRestDoes() {
        Reply reply = graphql(user, """
                mutation {
                  createOrder(input: {currency: "euro", lines: [{product: "", quantity: 0, unitPrice: "1.001"}]}) { id }
                }""", Map.of());

        assertThat(reply.json().get("data").isNull()).isTrue();
        JsonNode error = reply.json().at("/errors/0");
        assertThat(error.at("/extensions/type").asString()).isEqualTo("https://keelson.dev/problems/validation");
        assertThat(error.at("/extensions/status").asInt()).isEqualTo(400);
        assertThat(error.at("/extensions/detail").asString()).isEqualTo("4 fields are not valid");
        assertThat(Api.texts(error.at("/extensions/errors"), "field"))
                .containsExactlyInAnyOrder(
                        "input.currency",
                        "input.lines[0].product",
                        "input.lines[0].quantity",
                        "input.lines[0].unitPrice");
        assertThat(error.at("/path").toString()).isEqualTo("[\"createOrder\"]");
    }

    @Test
    void aValueThatIsNotADecimalIsAValidationErrorNamingTheField() {
        Reply reply = graphql(user, """
                mutation {
                  createOrder(input: {currency: "EUR", lines: [{product: "Tea", quantity: 1, unitPrice: "cheap"}]}) { id }
                }""", Map.of());

        JsonNode error = reply.json().at("/errors/0");
        assertThat(error.at("/extensions/status").asInt()).as(reply.body()).isEqualTo(400);
        assertThat(Api.texts(error.at("/extensions/errors"), "field"))
                .as(reply.body())
                .containsExactly("input.lines[0].unitPrice");
        assertThat(error.at("/extensions/errors/0/message").asString())
                .isEqualTo("is not in the format its description in the schema gives");
    }

    @Test
    void cancellingTwiceIsInvalidStateAndAStaleVersionIsPreconditionFailed() {
        String id = createOrder(user, "2.50").get("id").asString();
        String cancel = "mutation($id: ID!, $v: Int) { cancelOrder(id: $id, expectedVersion: $v) { status version } }";

        JsonNode stale = graphql(user, cancel, Map.of("id", id, "v", 7)).json().at("/errors/0/extensions");
        JsonNode cancelled =
                data(graphql(user, cancel, Map.of("id", id, "v", 1))).get("cancelOrder");
        JsonNode again = graphql(user, cancel, Map.of("id", id)).json().at("/errors/0/extensions");

        assertThat(stale.get("type").asString()).isEqualTo("https://keelson.dev/problems/precondition-failed");
        assertThat(stale.get("status").asInt()).isEqualTo(412);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("version").asInt()).isEqualTo(2);
        assertThat(again.get("type").asString()).isEqualTo("https://keelson.dev/problems/invalid-state");
        assertThat(again.get("status").asInt()).isEqualTo(409);
        assertThat(again.get("detail").asString())
                .isEqualTo("Order " + id + " is CANCELLED; only a PLACED order can be cancelled");
    }

    @Test
    void anotherUsersOrderIsNotFoundExactlyLikeAMissingOne() {
        String othersOrder = createOrder(api.newUser(), "1.00").get("id").asString();
        String missing = UUID.randomUUID().toString();
        String query = "query($id: ID!) { order(id: $id) { id total } }";

        Reply others = graphql(user, query, Map.of("id", othersOrder));
        Reply absent = graphql(user, query, Map.of("id", missing));
        Reply cancel = graphql(user, "mutation($id: ID!) { cancelOrder(id: $id) { id } }", Map.of("id", othersOrder));

        assertThat(others.json().at("/data/order").isNull()).isTrue();
        JsonNode othersError = others.json().at("/errors/0/extensions");
        JsonNode absentError = absent.json().at("/errors/0/extensions");
        assertThat(othersError.get("type").asString()).isEqualTo("https://keelson.dev/problems/not-found");
        assertThat(othersError.get("status").asInt()).isEqualTo(404);
        assertThat(othersError.get("detail").asString()).isEqualTo("There is no order " + othersOrder);
        assertThat(absentError.get("detail").asString()).isEqualTo("There is no order " + missing);
        assertThat(withoutIds(othersError)).isEqualTo(withoutIds(absentError));
        assertThat(cancel.json().at("/errors/0/extensions/status").asInt()).isEqualTo(404);
    }

    @Test
    void ordersPageWithTheSameSignedCursorsAsRestAndNeverCrossUsers() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createOrder(user, "1.0" + i).get("id").asString());
        }
        createOrder(api.newUser(), "9.99");

        JsonNode first = data(graphql(user, ORDER_PAGE, Map.of("first", 2))).get("orders");
        String cursor = first.at("/pageInfo/endCursor").asString();
        JsonNode second = data(graphql(user, ORDER_PAGE, with(Map.of("first", 2), "after", cursor)))
                .get("orders");
        String restCursor = api.get("/api/v1/orders?limit=1")
                .token(user.accessToken())
                .send()
                .json()
                .at("/meta/nextCursor")
                .asString();
        JsonNode fromRest = data(graphql(user, ORDER_PAGE, with(Map.of("first", 5), "after", restCursor)))
                .get("orders");

        assertThat(Api.texts(first.get("nodes"), "id")).containsExactly(created.get(2), created.get(1));
        assertThat(Api.texts(second.get("nodes"), "id")).containsExactly(created.get(0));
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(Api.texts(fromRest.get("nodes"), "id")).containsExactly(created.get(1), created.get(0));
    }

    @Test
    void aTamperedCursorAndAPageSizeOver100AreValidationErrors() {
        Reply tampered = graphql(user, ORDER_PAGE, Map.of("first", 2, "after", "bm90.bWluZQ"));
        Reply tooMany = graphql(user, ORDER_PAGE, Map.of("first", 101));

        JsonNode cursorError = tampered.json().at("/errors/0/extensions");
        assertThat(cursorError.get("type").asString()).isEqualTo("https://keelson.dev/problems/validation");
        assertThat(cursorError.get("detail").asString())
                .isEqualTo("cursor is not valid: pass back meta.nextCursor exactly as a previous page returned it");
        JsonNode sizeError = tooMany.json().at("/errors/0/extensions");
        assertThat(sizeError.get("status").asInt()).isEqualTo(400);
        assertThat(sizeError.at("/errors/0/field").asString()).isEqualTo("first");
        assertThat(sizeError.at("/errors/0/message").asString()).isEqualTo("must be less than or equal to 100");
    }

    @Test
    void anIdOrInstantThatDoesNotParseIsAValidationErrorNamingTheArgument() {
        Reply badId = graphql(user, "{ order(id: \"not-a-uuid\") { id } }", Map.of());
        Reply badInstant = graphql(user, "{ orders(createdFrom: \"yesterday\") { nodes { id } } }", Map.of());

        assertThat(badId.json().at("/errors/0/extensions/status").asInt())
                .as(badId.body())
                .isEqualTo(400);
        assertThat(badId.json().at("/errors/0/extensions/errors/0/field").asString())
                .isEqualTo("id");
        assertThat(badInstant.json().at("/errors/0/extensions/status").asInt())
                .as(badInstant.body())
                .isEqualTo(400);
        assertThat(badInstant.json().at("/errors/0/extensions/errors/0/field").asString())
                .isEqualTo("createdFrom");
        assertThat(badId.json().at("/errors/0/extensions/errors/0/message").asString())
                .isEqualTo("is not in the format its description in the schema gives");
    }

    @Test
    void aQueryThatDoesNotParseOrNamesAnUnknownFieldIsAValidationProblem() {
        Reply broken = graphql(user, "{ me { id ", Map.of());
        Reply unknown = graphql(user, "{ me { passwordHash } }", Map.of());

        for (Reply reply : List.of(broken, unknown)) {
            JsonNode error = reply.json().at("/errors/0");
            assertThat(error.at("/extensions/type").asString())
                    .as(reply.body())
                    .isEqualTo("https://keelson.dev/problems/validation");
            assertThat(error.at("/extensions/status").asInt()).isEqualTo(400);
            assertThat(error.at("/extensions/detail").asString())
                    .isEqualTo(error.get("message").asString());
        }
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("passwordHash");
    }

    @Test
    void aQueryAskingForTooMuchIsRefusedBeforeItRuns() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 5; i++) {
            query.append(" p").append(i).append(": orders(first: 100) { nodes { id total owner { id displayName } } }");
        }
        int before = statements.mark();

        Reply reply = graphql(user, query.append(" }").toString(), Map.of());

        assertThat(reply.json().at("/errors/0/extensions/type").asString())
                .as(reply.body())
                .isEqualTo("https://keelson.dev/problems/validation");
        assertThat(reply.json().at("/errors/0/message").asString()).contains("complexity");
        assertThat(orderStatements(before)).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsInternalWithoutInternals() {
        Reply reply = graphql(user, "{ failing }", Map.of());

        assertThat(reply.body()).doesNotContain("secret", "jdbc", "IllegalState", "Exception");
        JsonNode error = reply.json().at("/errors/0");
        assertThat(error.at("/extensions/type").asString()).isEqualTo("https://keelson.dev/problems/internal");
        assertThat(error.at("/extensions/status").asInt()).isEqualTo(500);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.at("/extensions/requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void withoutATokenGraphQlAnswers401WithAProblemDocumentAsRestDoes() {
        Reply reply = graphql(null, "{ me { id } }", Map.of());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://keelson.dev/problems/unauthenticated");
    }

    @Test
    void graphiqlIsOffByDefault() {
        Reply reply = api.get("/graphiql").token(user.accessToken()).send();

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void browsersFromAnAllowedOriginMayCallGraphQl() {
        Reply allowed = preflight("https://app.example.com");
        Reply foreign = preflight("https://evil.example.com");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(foreign.status()).isEqualTo(403);
    }

    private Reply preflight(String origin) {
        return api.method("OPTIONS", "/graphql")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .send();
    }

    private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(name, value);
        return all;
    }

    private static Map<String, Object> withoutIds(JsonNode extensions) {
        Map<String, Object> fields = new HashMap<>();
        extensions.properties().forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
        fields.remove("detail");
        fields.remove("requestId");
        return fields;
    }

    /**
     * The statements on orders and users since {@code mark}, less the read of the caller's own account that the
     * revocation check makes on a cold cache (once per account and cache lifetime, not per query).
     */
    private List<String> orderStatements(int mark) {
        return statements.since(mark).stream()
                .filter(sql -> ORDER_TABLES.matcher(sql).find())
                .filter(sql -> !sql.contains("FROM users WHERE id = ? AND deleted_at IS NULL"))
                .toList();
    }

    private UUID insertUser(String displayName) {
        return insertUser(displayName, "owner-" + UUID.randomUUID() + "@example.com");
    }

    /** An account straight in the table: fixtures that never sign in need no Argon2 hash. */
    private UUID insertUser(String displayName, String email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, password_hash, display_name) VALUES (?, ?, 'not-a-hash', ?)")
                .params(id, email, displayName)
                .update();
        return id;
    }

    private UUID insertOrder(UUID owner, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO orders (id, user_id, status, currency, total, created_at) "
                        + "VALUES (?, ?, 'PLACED', 'EUR', 1.00, ?)")
                .params(id, owner, Timestamp.from(createdAt))
                .update();
        jdbc.sql("INSERT INTO order_lines (id, order_id, line_no, product, quantity, unit_price, line_total) "
                        + "VALUES (?, ?, 1, 'Tea', 1, 1.00, 1.00)")
                .params(UUID.randomUUID(), id)
                .update();
        return id;
    }

    private JsonNode createOrder(Session session, String unitPrice) {
        Reply reply = graphql(session, """
                mutation($price: String!) {
                  createOrder(input: {currency: "EUR", lines: [{product: "Tea", quantity: 1, unitPrice: $price}]}) {
                    id status total version
                  }
                }""", Map.of("price", unitPrice));
        return data(reply).get("createOrder");
    }

    private String myId(Session session) {
        return data(graphql(session, "{ me { id } }", Map.of())).at("/me/id").asString();
    }

    private Session admin() {
        Session admin = api.newUser();
        jdbc.sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(admin.email())
                .update();
        return Accounts.login(api, admin.email(), admin.password());
    }

    private Reply graphql(Session session, String query, Map<String, Object> variables) {
        Api.Call call = api.post("/graphql").json(Map.of("query", query, "variables", variables));
        return (session == null ? call : call.token(session.accessToken())).send();
    }

    /** The response's {@code data}, failing with the whole body when there were errors. */
    private static JsonNode data(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().has("errors")).as(reply.body()).isFalse();
        return reply.json().get("data");
    }
}

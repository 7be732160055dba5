package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API8:2023 through list cursors and sorts: every list of the OpenAPI document (so every list a project adds
 * too) gets forged, edited, truncated and foreign cursors and unknown sorts. Each must be a 400 problem document
 * that names what to fix; none may reach the database as a value it was not made for (a 500), or page another list.
 */
class Api8ForgedCursorAttackIT extends ServiceTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The paths of the lists a plain user may read: GET operations with a {@code cursor} parameter. */
    private List<String> lists(Session user) {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");
        List<String> lists = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode get = paths.get(path).path("get");
            boolean paged = false;
            for (JsonNode p : get.path("parameters")) {
                paged |= "cursor".equals(p.path("name").asString());
            }
            if (paged && api.get(path).token(user.accessToken()).send().status() == 200) {
                lists.add(path);
            }
        }
        assertThat(lists).contains("/api/v1/orders");
        return lists;
    }

    private String ordersCursor(Session user, String sort) {
        for (int i = 0; i < 2; i++) {
            api.post("/api/v1/orders")
                    .token(user.accessToken())
                    .json(Map.of(
                            "currency",
                            "EUR",
                            "lines",
                            List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "2.00"))))
                    .send();
        }
        return api.get("/api/v1/orders?limit=1&sort=" + sort)
                .token(user.accessToken())
                .send()
                .json()
                .at("/meta/nextCursor")
                .asString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> forgeries(String genuine) {
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        List<String> forged = new ArrayList<>();
        for (String edited : List.of(
                payload.replace(":d:", ":a:").replaceFirst("^d:", "a:"),
                payload.replace("orders.createdAt", "orders.total"),
                payload.replaceFirst(":[=-].*$", ":=1' OR '1'='1"),
                payload.replaceFirst(":[=-].*$", ":=not a timestamp"),
                payload.replaceFirst(":[=-].*$", ":-"),
                "a:00000000-0000-0000-0000-000000000000:orders.createdAt:=1970-01-01T00:00:00Z")) {
            forged.add(B64.encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "." + parts[1]);
            forged.add(B64.encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(new byte[32]));
        }
        forged.addAll(List.of(
                genuine.substring(0, genuine.length() - 2),
                genuine + "A",
                parts[0],
                "." + parts[1],
                parts[1] + "." + parts[0],
                "%00",
                "..",
                "\u00e9\u00e9.\u00e9",
                "a".repeat(199)));
        return forged;
    }

    @Test
    void aForgedEditedOrTruncatedCursorIsA400ProblemOnEveryList() {
        Session user = api.newUser();
        String genuine = ordersCursor(user, "-createdAt");
        List<String> failures = new ArrayList<>();
        for (String list : lists(user)) {
            for (String cursor : forgeries(genuine)) {
                Reply reply = api.get(list + "?cursor=" + encoded(cursor))
                        .token(user.accessToken())
                        .send();
                if (reply.status() != 400
                        || !reply.json().at("/detail").asString().contains("cursor")
                        || !reply.header("Content-Type").startsWith("application/problem+json")) {
                    failures.add(list + " cursor=" + cursor + " -> " + reply.status() + " " + reply.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aGenuineCursorOfAnotherListOrSortOrderIsA400() {
        Session user = api.newUser();
        String newestFirst = ordersCursor(user, "-createdAt");
        String oldestFirst = ordersCursor(user, "createdAt");
        List<String> failures = new ArrayList<>();
        for (String list : lists(user)) {
            for (String query : list.equals("/api/v1/orders")
                    ? List.of("?cursor=" + newestFirst + "&sort=createdAt", "?cursor=" + oldestFirst)
                    : List.of("?cursor=" + newestFirst, "?cursor=" + oldestFirst + "&sort=createdAt")) {
                Reply reply = api.get(list + query).token(user.accessToken()).send();
                if (reply.status() != 400
                        || !reply.json().at("/detail").asString().contains("sort order")) {
                    failures.add(list + query + " -> " + reply.status() + " " + reply.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anUnknownSortIsA400NamingTheSortsThereAre() {
        Session user = api.newUser();
        List<String> failures = new ArrayList<>();
        for (String list : lists(user)) {
            for (String sort :
                    List.of("id", "--createdAt", "created_at", "createdAt;DROP TABLE orders", "-", "+createdAt")) {
                Reply reply = api.get(list + "?sort=" + encoded(sort))
                        .token(user.accessToken())
                        .send();
                if (reply.status() != 400
                        || !reply.json().at("/detail").asString().contains("createdAt, -createdAt")) {
                    failures.add(list + "?sort=" + sort + " -> " + reply.status() + " " + reply.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}

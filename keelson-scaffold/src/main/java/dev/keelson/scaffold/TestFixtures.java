package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * The test's makers of referenced rows: {@code aCustomer(session)} inserts a live customer with its required fields
 * (and, in turn, the rows its own references need); {@code aOrder(session)} places an order of the session's user;
 * {@code aUser(session)} is the signed-in user's own id.
 */
record TestFixtures(ResourceSpec spec) {
    String code() {
        StringBuilder out = new StringBuilder();
        for (ResourceSpec.Target target : spec.targets().values()) {
            out.append(
                    target.users()
                            ? user(target)
                            : target.name().table().equals("orders") ? order() : inserted(target));
        }
        return out.toString();
    }

    private static String user(ResourceSpec.Target target) {
        return """

                    /** The id of the signed-in user of {@code session}. */
                    private UUID a%1$s(Session session) {
                        Reply me = api.get("/api/v1/users/me").token(session.accessToken()).send();
                        assertThat(me.status()).as(me.body()).isEqualTo(200);
                        return UUID.fromString(me.json().at("/data/id").asString());
                    }
                """.formatted(target.name().className());
    }

    /** An order of the session's user, placed through the template's API (which computes its lines and total). */
    private static String order() {
        return """

                    /** An order of {@code session}'s user, placed through the API. */
                    private UUID aOrder(Session session) {
                        Reply placed = api.post("/api/v1/orders")
                                .token(session.accessToken())
                                .json(Map.of(
                                        "currency",
                                        "EUR",
                                        "lines",
                                        List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "2.00"))))
                                .send();
                        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                        return UUID.fromString(placed.json().at("/data/id").asString());
                    }
                """;
    }

    private static String inserted(ResourceSpec.Target target) {
        List<String> columns = new ArrayList<>(List.of("id"));
        List<String> values = new ArrayList<>(List.of("id"));
        if (target.owned()) {
            columns.add("user_id");
            values.add("aUser(session)");
        }
        for (Field f : target.fields()) {
            if (f.required()) {
                columns.add(f.column());
                values.add(value(new FieldCode(f, target.name())));
            }
        }
        return """

                    /** A live %1$s, inserted directly: this test is about another resource. */
                    private UUID a%2$s(Session session) {
                        UUID id = UUID.randomUUID();
                        jdbc.sql("INSERT INTO %3$s (%4$s) VALUES (%5$s)")
                                .params(%6$s)
                                .update();
                        return id;
                    }
                """.formatted(
                        target.name().words(),
                        target.name().className(),
                        target.name().table(),
                        String.join(", ", columns),
                        String.join(", ", java.util.Collections.nCopies(columns.size(), "?")),
                        String.join(", ", values));
    }

    private static String value(FieldCode f) {
        if (f.type() instanceof FieldType.Reference ref) {
            return "a" + ref.target().className() + "(session)";
        }
        return f.exampleParam();
    }
}

package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The integration test of an added resource, in the style of the template's {@code OrdersIT}: the whole service over
 * real HTTP and a real database. It covers creation, validation of every field, keyset pages and filters, ETag and
 * If-Match, idempotency keys, soft delete, unique fields, references, OpenAPI, route names in the metrics, and the
 * attack-suite checks that apply (object-level access for owned resources, function-level for admin-managed ones,
 * mass assignment, resource limits, malformed input).
 */
final class ResourceTestCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final List<FieldCode> fields;
    private final String pkg;

    ResourceTestCode(ResourceSpec spec) {
        this.spec = spec;
        this.r = spec.name();
        this.fields = spec.fields().stream().map(f -> new FieldCode(f, r)).toList();
        this.pkg = spec.project().packageName() + "." + r.packageSegment();
    }

    ProjectFile file() {
        String path = "src/test/java/" + pkg.replace('.', '/') + "/" + r.pluralClassName() + "IT.java";
        return ProjectFile.text(
                path,
                JavaFile.of(
                        spec.project().packageName(),
                        pkg,
                        body(),
                        Map.of(),
                        "org.assertj.core.api.Assertions.assertThat"));
    }

    private String body() {
        StringBuilder tests = new StringBuilder();
        tests.append(created())
                .append(invalid())
                .append(pages())
                .append(sorts())
                .append(filters())
                .append(etags());
        tests.append(idempotency()).append(softDelete()).append(unique()).append(references());
        tests.append(access()).append(malformed()).append(openApi()).append(graphQl());
        return """
                /** {@code %1$s}, added with keelson add resource, over real HTTP and the real database. */
                class %2$sIT extends ServiceTest {
                    private static final String PATH = "%1$s";

                    @Autowired
                    private JdbcClient jdbc;
                %3$s%4$s}
                """.formatted(r.path(), r.pluralClassName(), tests, helpers());
    }

    /** Who may write: the owner, an admin, or anyone (no auth). */
    private String writer() {
        return spec.adminManaged() ? "Admins.newAdmin(api, jdbc)" : "api.newUser()";
    }

    private String created() {
        String checks = fields.stream()
                .map(f -> "        assertThat(text(created.get(\"" + f.name() + "\"))).isEqualTo(text(body.get(\""
                        + f.name() + "\")));\n")
                .collect(Collectors.joining());
        return """

                    @Test
                    void aCreated%1$sIsReturnedWithItsLocationAndETagAndReadsBackTheSame() {
                        Session writer = %2$s;
                        Map<String, Object> body = body(writer);

                        Reply reply = api.post(PATH).token(writer.accessToken()).json(body).send();

                        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                        JsonNode created = reply.json().get("data");
                %3$s        assertThat(created.get("version").asInt()).isEqualTo(1);
                        assertThat(reply.header("Location")).isEqualTo(PATH + "/" + created.get("id").asString());
                        assertThat(reply.header("ETag")).isEqualTo("\\"1\\"");
                        Reply read = api.get(reply.header("Location")).token(writer.accessToken()).send();
                        assertThat(read.status()).isEqualTo(200);
                        assertThat(read.json().get("data")).isEqualTo(created);
                        assertThat(read.header("Cache-Control")).contains("no-store");
                    }
                """.formatted(r.className(), writer(), checks);
    }

    private String invalid() {
        StringBuilder puts = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (FieldCode f : fields) {
            String bad = f.invalidExample();
            if (bad != null) {
                puts.append("        body.put(\"")
                        .append(f.name())
                        .append("\", ")
                        .append(bad)
                        .append(");\n");
                names.add("\"" + f.name() + "\"");
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        return """

                    @Test
                    void everyInvalidFieldIsNamedInTheProblemDocument() {
                        Session writer = %1$s;
                        Map<String, Object> body = body(writer);
                %2$s
                        Reply reply = api.post(PATH).token(writer.accessToken()).json(body).send();

                        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
                        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                        assertThat(Api.texts(reply.json().get("errors"), "field")).contains(%3$s);
                    }
                """.formatted(writer(), puts, Lines.args(names, 72, "                        "));
    }

    private String pages() {
        return """

                    @Test
                    void listsComeInKeysetPagesNewestFirstWithSignedCursors() {
                        Session writer = %1$s;
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            ids.add(create(writer).get("id").asString());
                        }

                        List<String> listed = all(writer, "");
                        assertThat(listed).doesNotHaveDuplicates();
                        assertThat(listed.stream().filter(ids::contains).toList()).containsExactly(ids.get(2), ids.get(1), ids.get(0));
                        List<String> oldestFirst = all(writer, "&sort=createdAt");
                        assertThat(oldestFirst.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);

                        Reply first = api.get(PATH + "?limit=1").token(writer.accessToken()).send();
                        String cursor = first.json().at("/meta/nextCursor").asString();
                        Reply otherOrder = api.get(PATH + "?sort=createdAt&cursor=" + cursor).token(writer.accessToken()).send();
                        Reply tampered = api.get(PATH + "?cursor=x" + cursor).token(writer.accessToken()).send();
                        Reply tooMany = api.get(PATH + "?limit=101").token(writer.accessToken()).send();
                        Reply unknownSort = api.get(PATH + "?sort=nope").token(writer.accessToken()).send();
                        assertThat(otherOrder.status()).isEqualTo(400);
                        assertThat(unknownSort.status()).isEqualTo(400);
                        assertThat(unknownSort.json().get("detail").asString()).contains("createdAt, -createdAt");
                        assertThat(tampered.status()).isEqualTo(400);
                        assertThat(tooMany.status()).isEqualTo(400);
                    }
                """.formatted(writer());
    }

    /**
     * Per sort field: three rows get distinct values (the middle one NULL when the field is optional) in the reverse of
     * their creation order; pages of two, both ways, must list them as the database's ORDER BY does.
     */
    private String sorts() {
        StringBuilder out = new StringBuilder();
        for (FieldCode f : fields) {
            if (!f.field().sort()) {
                continue;
            }
            String column = f.field().column();
            String update = "UPDATE " + r.table() + " SET " + column + " = CASE id WHEN CAST(:first AS uuid) THEN "
                    + sortValue(f, 2) + " WHEN CAST(:second AS uuid) THEN "
                    + (f.field().required() ? sortValue(f, 1) : "NULL") + " ELSE " + sortValue(f, 0)
                    + " END WHERE id IN (CAST(:first AS uuid), CAST(:second AS uuid), CAST(:third AS uuid))";
            String order = "SELECT CAST(id AS text) FROM " + r.table() + " WHERE id IN (CAST(:first AS uuid), "
                    + "CAST(:second AS uuid), CAST(:third AS uuid)) ORDER BY " + column + " %s, id %s";
            out.append("""

                        @Test
                        void listsSortOn%1$sBothWaysThroughPagesOfTwo() {
                            Session writer = %2$s;
                            List<JsonNode> made = List.of(create(writer), create(writer), create(writer));
                            Map<String, Object> ids = Map.of(
                                    "first", made.get(0).get("id").asString(),
                                    "second", made.get(1).get("id").asString(),
                                    "third", made.get(2).get("id").asString());
                            jdbc.sql(%3$s)
                                    .params(ids)
                                    .update();
                            String since = made.get(0).get("createdAt").asString();

                            for (String direction : List.of("ASC", "DESC")) {
                                List<String> expected = jdbc.sql(%4$s.formatted(direction, direction))
                                        .params(ids)
                                        .query(String.class)
                                        .list();
                                String sort = (direction.equals("ASC") ? "" : "-") + "%5$s";
                                List<String> listed = new ArrayList<>();
                                String cursor = null;
                                do {
                                    Reply page = api.get(PATH + "?limit=2&sort=" + sort + "&createdFrom=" + since
                                                    + (cursor == null ? "" : "&cursor=" + cursor))
                                            .token(writer.accessToken())
                                            .send();
                                    assertThat(page.status()).as(page.body()).isEqualTo(200);
                                    page.json().get("data").forEach(item -> listed.add(item.get("id").asString()));
                                    JsonNode next = page.json().at("/meta/nextCursor");
                                    cursor = next.isMissingNode() ? null : next.asString();
                                } while (cursor != null);
                                assertThat(listed.stream().filter(ids::containsValue).toList()).as(sort)
                                        .containsExactlyElementsOf(expected);
                            }
                        }
                    """.formatted(
                            f.field().capitalized(),
                            writer(),
                            Lines.text(update, 20, "                    "),
                            Lines.text(order, 24, "                        "),
                            f.name()));
        }
        return out.toString();
    }

    /** The SQL literal of the {@code i}-th (0, 1 or 2) of three values that sort in that order, where the type has them. */
    private static String sortValue(FieldCode f, int i) {
        return switch (f.type()) {
            case FieldType.Text t -> "'" + (char) ('a' + i) + "'";
            case FieldType.Whole w -> String.valueOf(i);
            case FieldType.Decimal d -> d.precision() > d.scale() ? String.valueOf(i) : "0." + i;
            case FieldType.Bool b -> i == 2 ? "true" : "false";
            case FieldType.Day d -> "DATE '2026-01-0" + (i + 1) + "'";
            case FieldType.Timestamp t -> "TIMESTAMPTZ '2026-01-01T00:00:0" + i + "Z'";
            case FieldType.Choice c ->
                "'" + c.constants().get(Math.min(i, c.constants().size() - 1)) + "'";
            case FieldType.Reference r -> f.field().column();
        };
    }

    private String filters() {
        FieldCode filtered = fields.stream()
                .filter(f -> f.field().filter() && !(f.type() instanceof FieldType.Timestamp))
                .findFirst()
                .orElse(null);
        if (filtered == null) {
            return "";
        }
        return """

                    @Test
                    void aFilterListsOnlyMatchingRows() {
                        Session writer = %1$s;
                        JsonNode one = create(writer);
                        String value = text(one.get("%2$s"));

                        Reply page = api.get(PATH + "?limit=100&%2$s=" + value).token(writer.accessToken()).send();

                        assertThat(page.status()).as(page.body()).isEqualTo(200);
                        List<String> values = new ArrayList<>();
                        page.json().get("data").forEach(item -> values.add(text(item.get("%2$s"))));
                        assertThat(values).isNotEmpty().containsOnly(value);
                    }
                """.formatted(writer(), filtered.name());
    }

    private String etags() {
        return """

                    @Test
                    void replacingNeedsIfMatchAndRefusesAStaleEtag() {
                        Session writer = %1$s;
                        String id = create(writer).get("id").asString();
                        Map<String, Object> change = body(writer);

                        Reply without = api.method("PUT", PATH + "/" + id).token(writer.accessToken()).json(change).send();
                        Reply replaced = api.method("PUT", PATH + "/" + id).token(writer.accessToken()).header("If-Match", "\\"1\\"")
                                .json(change).send();
                        Reply stale = api.method("PUT", PATH + "/" + id).token(writer.accessToken()).header("If-Match", "\\"1\\"")
                                .json(change).send();
                        Reply notModified = api.get(PATH + "/" + id).token(writer.accessToken()).header("If-None-Match", "\\"2\\"")
                                .send();

                        assertThat(without.status()).isEqualTo(428);
                        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
                        assertThat(replaced.header("ETag")).isEqualTo("\\"2\\"");
                        assertThat(stale.status()).isEqualTo(412);
                        assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
                        assertThat(notModified.status()).isEqualTo(304);
                    }
                """.formatted(writer());
    }

    private String idempotency() {
        return """

                    @Test
                    void aRetriedCreateWithTheSameIdempotencyKeyIsReplayedNotRepeated() {
                        Session writer = %1$s;
                        Map<String, Object> body = body(writer);
                        String key = UUID.randomUUID().toString();

                        Reply first = api.post(PATH).token(writer.accessToken()).header("Idempotency-Key", key).json(body).send();
                        Reply retry = api.post(PATH).token(writer.accessToken()).header("Idempotency-Key", key).json(body).send();

                        assertThat(first.status()).as(first.body()).isEqualTo(201);
                        assertThat(retry.status()).isEqualTo(201);
                        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
                        assertThat(retry.json().at("/data/id")).isEqualTo(first.json().at("/data/id"));
                    }
                """.formatted(writer());
    }

    private String softDelete() {
        return """

                    @Test
                    void aDeleted%1$sIsGoneFromReadsAndListsButStaysInTheTable() {
                        Session writer = %2$s;
                        String id = create(writer).get("id").asString();

                        Reply deleted = api.delete(PATH + "/" + id).token(writer.accessToken()).send();
                        Reply again = api.delete(PATH + "/" + id).token(writer.accessToken()).send();

                        assertThat(deleted.status()).isEqualTo(204);
                        assertThat(again.status()).isEqualTo(404);
                        assertThat(api.get(PATH + "/" + id).token(writer.accessToken()).send().status()).isEqualTo(404);
                        assertThat(all(writer, "")).doesNotContain(id);
                        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL FROM %3$s WHERE id = ?").param(UUID.fromString(id))
                                .query(Boolean.class).single()).isTrue();
                    }
                """.formatted(r.className(), writer(), r.table());
    }

    private String unique() {
        FieldCode u =
                fields.stream().filter(f -> f.field().unique()).findFirst().orElse(null);
        if (u == null) {
            return "";
        }
        return """

                    @Test
                    void a%1$sTakenByALive%2$sIsAConflictUntilThatOneIsDeleted() {
                        Session writer = %3$s;
                        Map<String, Object> body = body(writer);
                        Reply first = api.post(PATH).token(writer.accessToken()).json(body).send();
                        Map<String, Object> second = body(writer);
                        second.put("%4$s", body.get("%4$s"));

                        Reply taken = api.post(PATH).token(writer.accessToken()).json(second).send();
                        api.delete(PATH + "/" + first.json().at("/data/id").asString()).token(writer.accessToken()).send();
                        Reply free = api.post(PATH).token(writer.accessToken()).json(second).send();

                        assertThat(taken.status()).isEqualTo(409);
                        assertThat(taken.json().get("detail").asString()).contains("%4$s");
                        assertThat(free.status()).as(free.body()).isEqualTo(201);
                    }
                """.formatted(u.field().capitalized(), r.className(), writer(), u.name());
    }

    private String references() {
        FieldCode ref = fields.stream()
                .filter(f -> f.type() instanceof FieldType.Reference)
                .findFirst()
                .orElse(null);
        if (ref == null) {
            return "";
        }
        return """

                    @Test
                    void aReferenceToARowThatDoesNotExistIsAValidationProblem() {
                        Session writer = %1$s;
                        Map<String, Object> body = body(writer);
                        body.put("%2$s", UUID.randomUUID().toString());

                        Reply reply = api.post(PATH).token(writer.accessToken()).json(body).send();

                        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
                        assertThat(reply.json().get("detail").asString()).startsWith("%2$s: there is no ");
                    }
                """.formatted(writer(), ref.name()) + othersRows();
    }

    /**
     * An owned resource's reference to a row of an owned table (an order, or an owned resource) that is another user's:
     * refused exactly like a missing row, on create and on replace, so a user can neither link to nor probe it.
     */
    private String othersRows() {
        FieldCode ref = fields.stream()
                .filter(f -> f.type() instanceof FieldType.Reference t
                        && spec.owned()
                        && spec.target(t).owned())
                .findFirst()
                .orElse(null);
        if (ref == null) {
            return "";
        }
        String target = ((FieldType.Reference) ref.type()).target().className();
        return """

                    @Test
                    void aReferenceToAnotherUsers%1$sIsRefusedLikeAMissingOne() {
                        Session writer = api.newUser();
                        Session other = api.newUser();
                        UUID theirs = a%1$s(other);
                        Map<String, Object> body = body(writer);
                        body.put("%2$s", theirs.toString());
                        String id = create(writer).get("id").asString();

                        Reply created = api.post(PATH).token(writer.accessToken()).json(body).send();
                        Reply replaced = api.method("PUT", PATH + "/" + id).token(writer.accessToken()).header("If-Match", "\\"1\\"")
                                .json(body).send();
                        body.put("%2$s", a%1$s(writer).toString());
                        Reply own = api.post(PATH).token(writer.accessToken()).json(body).send();

                        assertThat(created.status()).as(created.body()).isEqualTo(400);
                        assertThat(created.json().get("detail").asString()).isEqualTo("%2$s: there is no %3$s " + theirs);
                        assertThat(replaced.status()).as(replaced.body()).isEqualTo(400);
                        assertThat(own.status()).as(own.body()).isEqualTo(201);
                    }
                """.formatted(
                target, ref.name(), ((FieldType.Reference) ref.type()).target().words());
    }

    private String access() {
        if (spec.owned()) {
            return """

                        @Test
                        void anotherUsers%1$sLooksExactlyLikeAMissingOneAndAnAdminSeesIt() {
                            Session owner = api.newUser();
                            Session other = api.newUser();
                            String id = create(owner).get("id").asString();
                            String missing = UUID.randomUUID().toString();

                            Reply theirs = api.get(PATH + "/" + id).token(other.accessToken()).send();
                            Reply none = api.get(PATH + "/" + missing).token(other.accessToken()).send();
                            Reply put = api.method("PUT", PATH + "/" + id).token(other.accessToken()).header("If-Match", "\\"1\\"")
                                    .json(body(other)).send();
                            Reply delete = api.delete(PATH + "/" + id).token(other.accessToken()).send();

                            assertThat(theirs.status()).isEqualTo(404).isEqualTo(none.status());
                            assertThat(theirs.json().get("type")).isEqualTo(none.json().get("type"));
                            assertThat(put.status()).isEqualTo(404);
                            assertThat(delete.status()).isEqualTo(404);
                            assertThat(all(other, "")).doesNotContain(id);
                            Session admin = Admins.newAdmin(api, jdbc);
                            assertThat(api.get(PATH + "/" + id).token(admin.accessToken()).send().status()).isEqualTo(200);
                            assertThat(api.get(PATH + "/" + id).token(owner.accessToken()).send().status()).isEqualTo(200);
                        }
                    """.formatted(r.className()) + massAssignment("owner");
        }
        if (spec.adminManaged()) {
            return """

                        @Test
                        void onlyAdminsWriteAndEverySignedInUserReads() {
                            Session admin = Admins.newAdmin(api, jdbc);
                            Session user = api.newUser();
                            String id = create(admin).get("id").asString();

                            Reply create = api.post(PATH).token(user.accessToken()).json(body(admin)).send();
                            Reply put = api.method("PUT", PATH + "/" + id).token(user.accessToken()).header("If-Match", "\\"1\\"")
                                    .json(body(admin)).send();
                            Reply delete = api.delete(PATH + "/" + id).token(user.accessToken()).send();
                            Reply read = api.get(PATH + "/" + id).token(user.accessToken()).send();
                            Reply anonymous = api.get(PATH + "/" + id).send();

                            assertThat(create.status()).isEqualTo(403);
                            assertThat(put.status()).isEqualTo(403);
                            assertThat(delete.status()).isEqualTo(403);
                            assertThat(read.status()).isEqualTo(200);
                            assertThat(anonymous.status()).isEqualTo(401);
                        }
                    """ + massAssignment("admin");
        }
        return massAssignment("writer");
    }

    /** Fields the server owns (id, version, owner) are not taken from the body. */
    private String massAssignment(String who) {
        String session = who.equals("admin") ? "Admins.newAdmin(api, jdbc)" : "api.newUser()";
        return """

                    @Test
                    void fieldsTheServerOwnsAreNotTakenFromTheBody() {
                        Session %1$s = %2$s;
                        Map<String, Object> body = body(%1$s);
                        String chosenId = UUID.randomUUID().toString();
                        body.put("id", chosenId);
                        body.put("version", 41);
                        body.put("userId", UUID.randomUUID().toString());

                        Reply reply = api.post(PATH).token(%1$s.accessToken()).json(body).send();

                        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                        assertThat(reply.json().at("/data/id").asString()).isNotEqualTo(chosenId);
                        assertThat(reply.json().at("/data/version").asInt()).isEqualTo(1);
                        assertThat(reply.json().get("data").has("userId")).isFalse();
                    }
                """.formatted(who, session);
    }

    private String malformed() {
        FieldCode choice = fields.stream()
                .filter(f -> f.type() instanceof FieldType.Choice)
                .findFirst()
                .orElse(null);
        String badEnum = choice == null ? "" : """
                        Map<String, Object> badChoice = body(writer);
                        badChoice.put("%1$s", "NOT_ONE_OF_THEM");
                        assertThat(api.post(PATH).token(writer.accessToken()).json(badChoice).send().status()).isEqualTo(400);
                """.formatted(choice.name());
        return """

                    @Test
                    void malformedInputIsAProblemDocumentNeverAServerError() {
                        Session writer = %1$s;

                        Reply notJson = api.post(PATH).token(writer.accessToken()).raw("{\\"broken\\"", "application/json").send();
                        Reply badId = api.get(PATH + "/not-a-uuid").token(writer.accessToken()).send();

                        assertThat(notJson.status()).isEqualTo(400);
                        assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
                        assertThat(badId.status()).isEqualTo(400);
                %2$s    }
                """.formatted(writer(), badEnum);
    }

    private String openApi() {
        return """

                    @Test
                    void theOperationsAreInTheOpenApiDocumentAndTheMetricsNameTheirRoute() {
                        Session writer = %1$s;
                        String id = create(writer).get("id").asString();
                        api.get(PATH + "/" + id).token(writer.accessToken()).send();

                        Reply docs = api.get("/v3/api-docs").send();
                        Reply metrics = api.get("/prometheus").send();

                        assertThat(docs.body()).contains("\\"" + PATH + "/{id}\\"", "Creates a %2$s", "Lists %3$s");
                        assertThat(metrics.body()).contains("uri=\\"" + PATH + "/{id}\\"");
                    }
                """.formatted(writer(), r.words(), r.pluralWords());
    }

    private String graphQl() {
        if (!spec.has(Feature.GRAPHQL)) {
            return "";
        }
        return """

                    @Test
                    void graphQlReadsTheSame%1$s() {
                        Session writer = %2$s;
                        String id = create(writer).get("id").asString();

                        Reply reply = api.post("/graphql").token(writer.accessToken()).json(Map.of("query",
                                "{ %3$s(id: \\"" + id + "\\") { id version } %4$s(first: 5) { nodes { id } pageInfo { hasNextPage } } }"))
                                .send();

                        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                        assertThat(reply.json().get("errors")).as(reply.body()).isNull();
                        assertThat(reply.json().at("/data/%3$s/id").asString()).isEqualTo(id);
                    }
                """.formatted(r.className(), writer(), r.variable(), r.pluralVariable());
    }

    private String helpers() {
        String puts = fields.stream()
                .map(f -> "        body.put(\"" + f.name() + "\", " + bodyValue(f) + ");\n")
                .collect(Collectors.joining());
        return """

                    /** A valid body: every field with a value the API accepts (references to rows made for it). */
                    private Map<String, Object> body(Session session) {
                        Map<String, Object> body = new LinkedHashMap<>();
                %1$s        return body;
                    }

                    private JsonNode create(Session writer) {
                        Reply reply = api.post(PATH).token(writer.accessToken()).json(body(writer)).send();
                        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                        return reply.json().get("data");
                    }

                    /** The ids of every page of the list, following the cursors ({@code query} adds to it). */
                    private List<String> all(Session reader, String query) {
                        List<String> ids = new ArrayList<>();
                        String cursor = null;
                        for (int pages = 0; pages < 1000; pages++) {
                            Reply page = api.get(PATH + "?limit=100" + query + (cursor == null ? "" : "&cursor=" + cursor))
                                    .token(reader.accessToken()).send();
                            assertThat(page.status()).as(page.body()).isEqualTo(200);
                            page.json().get("data").forEach(item -> ids.add(item.get("id").asString()));
                            JsonNode next = page.json().at("/meta/nextCursor");
                            if (next.isMissingNode()) {
                                return ids;
                            }
                            cursor = next.asString();
                        }
                        throw new AssertionError("more than 1000 pages");
                    }

                    /** A value as the API writes it, or as the test sent it, in one spelling. */
                    private static String text(Object value) {
                        if (value instanceof JsonNode node) {
                            return node.isNull() ? null : node.asString();
                        }
                        return value == null ? null : value.toString();
                    }

                    /** Text of at most {@code max} characters, different every time (unique fields stay unique). */
                    private static String text(int max) {
                        String random = UUID.randomUUID().toString().replace("-", "");
                        return random.substring(0, Math.min(max, random.length()));
                    }
                %2$s""".formatted(puts, new TestFixtures(spec).code());
    }

    private static String bodyValue(FieldCode f) {
        if (f.type() instanceof FieldType.Reference ref) {
            return "a" + ref.target().className() + "(session).toString()";
        }
        return f.example();
    }
}

package dev.keelson.scaffold;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The service of an added resource: the rules every API (REST, GraphQL) goes through. Writes take the {@code Caller}:
 * an owned resource's rows are the caller's (admins reach all), the others' writes need an admin (without sign-in
 * every caller is one). Reads of an owned resource take the caller too.
 */
final class ServiceCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final List<FieldCode> fields;
    /** The caller parameter of reads: only owned resources need it. */
    private final String reader;

    private final boolean unique;

    ServiceCode(ResourceSpec spec, List<FieldCode> fields) {
        this.spec = spec;
        this.r = spec.name();
        this.fields = fields;
        this.reader = spec.owned() ? "Caller caller, " : "";
        this.unique = fields.stream().anyMatch(f -> f.field().unique());
    }

    String body() {
        return """
                /**
                %1$s */
                @Service
                public class %3$sService {
                    /** The sorts a list allows ({@code sort=} in the API), each backed by an index of the migration. */
                    public static final Sorts<%3$s> SORTS = %14$s;

                    private final %4$s %5$s;
                    private final TransactionTemplate transactions;
                    private final CursorCodec cursors;
                    private final ReadThroughCache cache;

                    %3$sService(%4$s %5$s, TransactionTemplate transactions, CursorCodec cursors, ReadThroughCache cache) {
                        this.%5$s = %5$s;
                        this.transactions = transactions;
                        this.cursors = cursors;
                        this.cache = cache;
                    }
                %6$s%7$s%8$s%9$s%10$s%11$s
                    private static String cacheKey(UUID id) {
                        return "%12$s:" + id;
                    }

                    private static ApiException notFound(UUID id) {
                        return new ApiException(ErrorCode.NOT_FOUND, "There is no %13$s " + id);
                    }
                }
                """.formatted(
                Lines.comment(
                        "The " + r.words() + " rules."
                                + (spec.owned()
                                        ? " Callers pass the {@link Caller}; a user reaches only their own "
                                                + r.pluralWords() + " and gets 404 for anyone else's, exactly "
                                                + "as for an id that does not exist, so ids cannot be probed. "
                                                + "Admins reach all."
                                        : " Writes need an admin ({@link Caller#requireAdmin()}); everyone " + "reads.")
                                + " A read goes through the read cache; every write drops the cached copy, "
                                + "so a read after a committed write never sees the old version.",
                        ""),
                "",
                r.className(),
                r.pluralClassName(),
                r.pluralVariable(),
                create(),
                get(),
                list(),
                replace(),
                delete(),
                checks(),
                r.singular(),
                r.words(),
                sorts());
    }

    /** {@code Sorts.of("products", Product::id, Product::createdAt).and("price", ...)}, one line per sort field. */
    private String sorts() {
        StringBuilder out = new StringBuilder(
                "Sorts.of(\"" + r.table() + "\", " + r.className() + "::id, " + r.className() + "::createdAt)");
        for (FieldCode f : fields) {
            if (f.field().sort()) {
                out.append("\n            .and(\"")
                        .append(f.name())
                        .append("\", \"")
                        .append(f.field().column())
                        .append("\", \"")
                        .append(f.sqlCast())
                        .append("\", ")
                        .append(!f.field().required())
                        .append(", ")
                        .append(r.className())
                        .append("::")
                        .append(f.name())
                        .append(")");
            }
        }
        return out.toString();
    }

    private String owner() {
        return spec.owned() ? "caller.ownerFilter(), " : "";
    }

    private String create() {
        String write = "transactions.execute(tx -> {\n            checkReferences(caller, input);\n            return "
                + r.pluralVariable() + ".insert(" + (spec.owned() ? "caller.userId(), " : "") + "input);\n        })";
        return """

                    /** Creates a %1$s%2$s. */
                    public %3$s create(Caller caller, %3$sInput input) {%4$s
                        return %5$s;
                    }
                """.formatted(
                        r.words(),
                        spec.owned() ? " owned by the caller" : "",
                        r.className(),
                        adminCheck(),
                        unique ? "unique(() -> " + write + ")" : write);
    }

    private String adminCheck() {
        return spec.owned() ? "" : "\n        caller.requireAdmin();";
    }

    private String get() {
        return """

                    /** The %1$s, from the cache when it is there%2$s. */
                    public %3$s get(%4$sUUID id) {
                        return cache.get(cacheKey(id), %3$s.class, () -> %5$s.find(%6$sid))%7$s
                                .orElseThrow(() -> notFound(id));
                    }
                """.formatted(
                        r.words(),
                        spec.owned() ? "; the owner check runs on every read, cached or not" : "",
                        r.className(),
                        reader,
                        r.pluralVariable(),
                        spec.owned() ? "null, " : "",
                        spec.owned() ? "\n                .filter(found -> caller.reaches(found.userId()))" : "");
    }

    private String list() {
        return """

                    /**
                     * One page of %1$s in the order {@code sort} names ({@link #SORTS}; {@code null}: newest first), after the
                     * {@code cursor} of a previous page of the same list ({@code null}: the first page). An unknown sort, and a
                     * cursor that was altered, made with another key or belongs to another sort order, are validation errors.
                     */
                    public Page<%2$s> list(%3$s%2$sFilter filter, String sort, String cursor, int limit) {
                        Sort<%2$s> order = SORTS.parse(sort);
                        Cursor after = order.after(cursor, cursors);
                        List<%2$s> fetched = %4$s.list(%5$sfilter, order, after, limit);
                        return Page.of(fetched, limit, order::position, cursors);
                    }
                """.formatted(r.pluralWords(), r.className(), reader, r.pluralVariable(), owner());
    }

    private String replace() {
        String write =
                "transactions.execute(tx -> {\n            checkReferences(caller, input);\n            cache.evict"
                        + "(cacheKey(id));\n            return " + r.pluralVariable() + ".replace(" + owner()
                        + "id, expectedVersion, input)\n                    .orElseThrow(() -> stale(\n                            "
                        + r.pluralVariable() + ".find(" + owner()
                        + "id).orElseThrow(() -> notFound(id)), expectedVersion));"
                        + "\n        })";
        return """

                    /** Replaces the fields when {@code expectedVersion} is current: 412 when it is not, 404 when there is none. */
                    public %1$s replace(Caller caller, UUID id, int expectedVersion, %1$sInput input) {%2$s
                        return %3$s;
                    }

                    private static ApiException stale(%1$s current, int expectedVersion) {
                        return new ApiException(ErrorCode.PRECONDITION_FAILED, "The %4$s is at version " + current.version()
                                + ", not " + expectedVersion + ": GET it again and retry with its ETag");
                    }
                """.formatted(r.className(), adminCheck(), unique ? "unique(() -> " + write + ")" : write, r.words());
    }

    private String delete() {
        return """

                    /** Soft-deletes the %1$s: it stays in the table, and is gone from every read and list. */
                    public void delete(Caller caller, UUID id) {%2$s
                        if (!%3$s.softDelete(%4$sid)) {
                            throw notFound(id);
                        }
                        cache.evict(cacheKey(id));
                    }
                """.formatted(r.words(), adminCheck(), r.pluralVariable(), owner());
    }

    /** The reference checks (a 400 naming the field, not a foreign-key error) and the unique-field conflict. */
    private String checks() {
        String references = fields.stream()
                .filter(f -> f.type() instanceof FieldType.Reference)
                .map(f -> {
                    FieldType.Reference ref = (FieldType.Reference) f.type();
                    ResourceName target = ref.target();
                    return """
                                    if (input.%1$s() != null && !%2$s.%3$sExists(%5$sinput.%1$s())) {
                                        throw new ApiException(ErrorCode.VALIDATION, "%1$s: there is no %4$s " + input.%1$s());
                                    }
                            """.formatted(
                                    f.name(),
                                    r.pluralVariable(),
                                    target.variable(),
                                    target.words(),
                                    spec.target(ref).owned() ? "caller.ownerFilter(), " : "");
                })
                .collect(Collectors.joining());
        String out = """

                    /**
                     * A reference to a row that does not exist is the client's mistake: 400, naming the field. A row of an
                     * owned table that is another user's counts as missing, so ids of others' rows can neither be probed
                     * nor linked to.
                     */
                    private void checkReferences(Caller caller, %1$sInput input) {
                %2$s    }
                """.formatted(r.className(), references);
        if (unique) {
            String names = fields.stream()
                    .filter(f -> f.field().unique())
                    .map(FieldCode::name)
                    .collect(Collectors.joining(" or "));
            out += """

                        /** A unique field's value that another live %1$s holds is a conflict (409), not a server error. */
                        private static %2$s unique(Supplier<%2$s> write) {
                            try {
                                return write.get();
                            } catch (DuplicateKeyException e) {
                                throw new ApiException(ErrorCode.INVALID_STATE, "Another %1$s has the same %3$s: choose another");
                            }
                        }
                    """.formatted(r.words(), r.className(), names);
        }
        return out;
    }
}

package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * The REST controller of an added resource, {@code /api/v1/<plural>}: create (201 with {@code Location} and
 * {@code ETag}), list (keyset pages, filters), read ({@code ETag}, 304 for {@code If-None-Match}), replace
 * ({@code If-Match} required), soft delete; OpenAPI descriptions on every operation and field. Idempotency keys,
 * rate limits, metrics and access-log route names come from the platform's filters, which see every route.
 */
final class ControllerCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final List<FieldCode> fields;
    /** The caller parameter and argument of reads (writes always take it). */
    private final String caller;

    private final String callerArg;

    ControllerCode(ResourceSpec spec, List<FieldCode> fields) {
        this.spec = spec;
        this.r = spec.name();
        this.fields = fields;
        this.caller = spec.owned() ? "\n            Caller caller," : "";
        this.callerArg = spec.owned() ? "caller, " : "";
    }

    String body() {
        return """
                /**
                %3$s */
                @RestController
                @RequestMapping("%1$s")
                @Validated
                @Tag(name = "%4$s", description = "%5$s")
                class %6$sController {
                    /** Clients may keep what they read but must revalidate it (with its ETag) before using it again. */
                    private static final CacheControl NO_STORE = CacheControl.noStore().cachePrivate();

                    private final %6$sService service;

                    %6$sController(%6$sService service) {
                        this.service = service;
                    }
                %7$s%8$s%9$s%10$s%11$s%12$s
                    private static ResponseEntity<Envelope<%6$sView>> single(%6$s found) {
                        return ResponseEntity.ok().eTag(ETags.of(found.version())).cacheControl(NO_STORE)
                                .body(Envelope.of(%6$sView.of(found)));
                    }
                }
                """.formatted(
                        r.path(),
                        r.pluralWords(),
                        Lines.comment(
                                "{@code " + r.path() + "}. Single " + r.pluralWords() + " carry an {@code ETag} (their "
                                        + "version); {@code PUT} requires {@code If-Match} with it (428 without, 412 "
                                        + "when stale). Lists are newest first unless {@code sort} names a "
                                        + "field ({@code price} ascending, {@code -price} descending), {@code limit} 1 to 100 (20 by default), continued with "
                                        + "{@code cursor=meta.nextCursor}." + access(),
                                ""),
                        ResourceCode.capitalized(r.pluralWords()),
                        tagDescription(),
                        r.className(),
                        view(),
                        create(),
                        list(),
                        get(),
                        replace(),
                        delete());
    }

    private String access() {
        if (spec.owned()) {
            return " Each caller reaches their own " + r.pluralWords() + " (admins all); anyone else's is 404.";
        }
        return spec.adminManaged()
                ? " Every signed-in user reads; only admins create, replace and delete (403 for anyone else)."
                : "";
    }

    private String tagDescription() {
        return ResourceCode.capitalized(r.pluralWords())
                + (spec.owned() ? ", each its creator's" : spec.adminManaged() ? ", managed by admins" : "");
    }

    /** The view: what a client reads; decimals go out as strings so no client parses them into binary floats. */
    private String view() {
        List<String> components = new ArrayList<>(List.of("UUID id"));
        for (FieldCode f : fields) {
            String format =
                    f.type() instanceof FieldType.Decimal ? "@JsonFormat(shape = JsonFormat.Shape.STRING) " : "";
            components.add(format + f.javaType() + " " + f.name());
        }
        components.addAll(List.of("int version", "Instant createdAt", "Instant updatedAt"));
        List<String> values = new ArrayList<>(List.of("found.id()"));
        fields.forEach(f -> values.add("found." + f.name() + "()"));
        values.addAll(List.of("found.version()", "found.createdAt()", "found.updatedAt()"));
        String args = Lines.args(values, 28 + r.className().length(), "                    ");
        return """

                    /** A %1$s as clients read it%2$s. */
                    record %3$sView(
                            %4$s) {
                        static %3$sView of(%3$s found) {
                            return new %3$sView(%5$s);
                        }
                    }
                """.formatted(
                        r.words(),
                        spec.owned() ? " (without its owner's id)" : "",
                        r.className(),
                        String.join(",\n            ", components),
                        args);
    }

    private String create() {
        return """

                    @Operation(summary = "Creates a %1$s", description = "Answers 201 with Location and ETag. Send an "
                            + "Idempotency-Key header to make a retry safe: the same key and body replay the first answer.")
                    @ResponseStatus(HttpStatus.CREATED)
                    @PostMapping
                    ResponseEntity<Envelope<%3$sView>> create(
                            Caller caller,
                            @Valid @RequestBody %3$sInput request) {
                        %3$s created = service.create(caller, request);
                        return ResponseEntity.created(URI.create("%6$s/" + created.id()))
                                .eTag(ETags.of(created.version()))
                                .body(Envelope.of(%3$sView.of(created)));
                    }
                """.formatted(r.words(), "", r.className(), "", "", r.path());
    }

    private String list() {
        List<String> params = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (FieldCode f : fields) {
            if (f.field().filter() && f.type() instanceof FieldType.Timestamp) {
                params.add("@RequestParam(required = false) Instant " + f.name() + "From");
                params.add("@RequestParam(required = false) Instant " + f.name() + "To");
                args.add(f.name() + "From");
                args.add(f.name() + "To");
            } else if (f.field().filter()) {
                params.add("@RequestParam(required = false) " + f.javaType() + " " + f.name());
                args.add(f.name());
            }
        }
        params.addAll(List.of(
                "@RequestParam(required = false) Instant createdFrom",
                "@RequestParam(required = false) Instant createdTo",
                "@Parameter(\n                    description = \"A field, ascending, or -field, descending; NULLs come last "
                        + "ascending, first descending\",\n                    schema = @Schema(allowableValues = {"
                        + sortValues() + "}))\n"
                        + "            @RequestParam(defaultValue = \"-createdAt\") @Size(max = 100) String sort",
                "@RequestParam(defaultValue = \"20\") @Min(1) @Max(Page.MAX_LIMIT) int limit",
                "@RequestParam(required = false) @Size(max = 200) String cursor"));
        args.addAll(List.of("createdFrom", "createdTo"));
        return """

                    @Operation(summary = "Lists %1$s", description = "Newest first unless sort says otherwise; filters "
                            + %2$s
                            + "; createdFrom (inclusive) and createdTo (exclusive) are ISO-8601 instants. "
                            + "Continue with cursor=meta.nextCursor.")
                    @GetMapping
                    ResponseEntity<Envelope<List<%3$sView>>> list(%4$s
                            %5$s) {
                        %3$sFilter filter = new %3$sFilter(%6$s);
                        return ResponseEntity.ok().cacheControl(NO_STORE).body(Envelope.page(
                                service.list(%7$sfilter, sort, cursor, limit).map(%3$sView::of)));
                    }
                """.formatted(
                        r.pluralWords(),
                        Lines.text(
                                args.size() > 2
                                        ? "on " + String.join(", ", args.subList(0, args.size() - 2)) + " match exactly"
                                        : "none but the creation time",
                                14,
                                "            "),
                        r.className(),
                        caller,
                        String.join(",\n            ", params),
                        Lines.args(args, 40 + 2 * r.className().length(), "                "),
                        callerArg);
    }

    /** {@code "createdAt", "-createdAt", "price", "-price"}: what {@code sort} may be. */
    private String sortValues() {
        List<String> values = new ArrayList<>(List.of("\"createdAt\"", "\"-createdAt\""));
        for (FieldCode f : fields) {
            if (f.field().sort()) {
                values.add("\"" + f.name() + "\"");
                values.add("\"-" + f.name() + "\"");
            }
        }
        return String.join(", ", values);
    }

    private String get() {
        return """

                    @Operation(summary = "Reads a %1$s", description = "With ETag (its version) and Cache-Control: no-store, "
                            + "private; 304 for a matching If-None-Match.")
                    @GetMapping("/{id}")
                    ResponseEntity<Envelope<%2$sView>> get(%3$s
                            @PathVariable UUID id) {
                        return single(service.get(%4$sid));
                    }
                """.formatted(r.words(), r.className(), caller, callerArg);
    }

    private String replace() {
        return """

                    @Operation(summary = "Replaces a %1$s's fields", description = "Needs If-Match with the ETag of your last "
                            + "read: 428 without it, 412 when the %1$s changed since.")
                    @PutMapping("/{id}")
                    ResponseEntity<Envelope<%3$sView>> replace(
                            Caller caller,
                            @PathVariable UUID id,
                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                            @Valid @RequestBody %3$sInput request) {
                        return single(service.replace(caller, id, ETags.required(ifMatch, "%1$s"), request));
                    }
                """.formatted(r.words(), "", r.className());
    }

    private String delete() {
        return """

                    @Operation(summary = "Deletes a %1$s", description = "A soft delete: the row stays in the database, and "
                            + "is gone from every read and list.")
                    @ResponseStatus(HttpStatus.NO_CONTENT)
                    @DeleteMapping("/{id}")
                    ResponseEntity<Void> delete(
                            Caller caller,
                            @PathVariable UUID id) {
                        service.delete(caller, id);
                        return ResponseEntity.noContent().build();
                    }
                """.formatted(r.words());
    }
}

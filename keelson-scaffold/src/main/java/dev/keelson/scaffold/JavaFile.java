package dev.keelson.scaffold;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A generated Java source: its package, then an import for every known type its body names (a whole-word match on
 * the simple name, outside string literals is not checked: a body names a type only where it uses it), then the
 * body.
 */
final class JavaFile {
    /** Types generated code may use, by simple name; {@code {{pkg}}} is the project's base package. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("BigDecimal", "java.math.BigDecimal"),
            Map.entry("Instant", "java.time.Instant"),
            Map.entry("LocalDate", "java.time.LocalDate"),
            Map.entry("OffsetDateTime", "java.time.OffsetDateTime"),
            Map.entry("URI", "java.net.URI"),
            Map.entry("UUID", "java.util.UUID"),
            Map.entry("List", "java.util.List"),
            Map.entry("ArrayList", "java.util.ArrayList"),
            Map.entry("Map", "java.util.Map"),
            Map.entry("LinkedHashMap", "java.util.LinkedHashMap"),
            Map.entry("HashSet", "java.util.HashSet"),
            Map.entry("Set", "java.util.Set"),
            Map.entry("Optional", "java.util.Optional"),
            Map.entry("Supplier", "java.util.function.Supplier"),
            Map.entry("ResultSet", "java.sql.ResultSet"),
            Map.entry("SQLException", "java.sql.SQLException"),
            Map.entry("JdbcClient", "org.springframework.jdbc.core.simple.JdbcClient"),
            Map.entry("DuplicateKeyException", "org.springframework.dao.DuplicateKeyException"),
            Map.entry("Repository", "org.springframework.stereotype.Repository"),
            Map.entry("Service", "org.springframework.stereotype.Service"),
            Map.entry("Controller", "org.springframework.stereotype.Controller"),
            Map.entry("TransactionTemplate", "org.springframework.transaction.support.TransactionTemplate"),
            Map.entry("RestController", "org.springframework.web.bind.annotation.RestController"),
            Map.entry("RequestMapping", "org.springframework.web.bind.annotation.RequestMapping"),
            Map.entry("GetMapping", "org.springframework.web.bind.annotation.GetMapping"),
            Map.entry("PostMapping", "org.springframework.web.bind.annotation.PostMapping"),
            Map.entry("PutMapping", "org.springframework.web.bind.annotation.PutMapping"),
            Map.entry("DeleteMapping", "org.springframework.web.bind.annotation.DeleteMapping"),
            Map.entry("PathVariable", "org.springframework.web.bind.annotation.PathVariable"),
            Map.entry("RequestBody", "org.springframework.web.bind.annotation.RequestBody"),
            Map.entry("RequestHeader", "org.springframework.web.bind.annotation.RequestHeader"),
            Map.entry("RequestParam", "org.springframework.web.bind.annotation.RequestParam"),
            Map.entry("ResponseStatus", "org.springframework.web.bind.annotation.ResponseStatus"),
            Map.entry("HttpStatus", "org.springframework.http.HttpStatus"),
            Map.entry("ResponseEntity", "org.springframework.http.ResponseEntity"),
            Map.entry("CacheControl", "org.springframework.http.CacheControl"),
            Map.entry("Validated", "org.springframework.validation.annotation.Validated"),
            Map.entry("PreAuthorize", "org.springframework.security.access.prepost.PreAuthorize"),
            Map.entry("Argument", "org.springframework.graphql.data.method.annotation.Argument"),
            Map.entry("QueryMapping", "org.springframework.graphql.data.method.annotation.QueryMapping"),
            Map.entry("MutationMapping", "org.springframework.graphql.data.method.annotation.MutationMapping"),
            Map.entry("Valid", "jakarta.validation.Valid"),
            Map.entry("NotNull", "jakarta.validation.constraints.NotNull"),
            Map.entry("NotBlank", "jakarta.validation.constraints.NotBlank"),
            Map.entry("Size", "jakarta.validation.constraints.Size"),
            Map.entry("Digits", "jakarta.validation.constraints.Digits"),
            Map.entry("Min", "jakarta.validation.constraints.Min"),
            Map.entry("Max", "jakarta.validation.constraints.Max"),
            Map.entry("Pattern", "jakarta.validation.constraints.Pattern"),
            Map.entry("JsonFormat", "com.fasterxml.jackson.annotation.JsonFormat"),
            Map.entry("Tag", "io.swagger.v3.oas.annotations.tags.Tag"),
            Map.entry("Operation", "io.swagger.v3.oas.annotations.Operation"),
            Map.entry("Schema", "io.swagger.v3.oas.annotations.media.Schema"),
            Map.entry("ApiException", "{{pkg}}.platform.errors.ApiException"),
            Map.entry("ErrorCode", "{{pkg}}.platform.errors.ErrorCode"),
            Map.entry("Envelope", "{{pkg}}.platform.http.Envelope"),
            Map.entry("ETags", "{{pkg}}.platform.http.ETags"),
            Map.entry("IdGenerator", "{{pkg}}.platform.database.IdGenerator"),
            Map.entry("Rows", "{{pkg}}.platform.database.Rows"),
            Map.entry("Cursor", "{{pkg}}.platform.paging.Cursor"),
            Map.entry("CursorCodec", "{{pkg}}.platform.paging.CursorCodec"),
            Map.entry("Page", "{{pkg}}.platform.paging.Page"),
            Map.entry("Sort", "{{pkg}}.platform.paging.Sort"),
            Map.entry("Sorts", "{{pkg}}.platform.paging.Sorts"),
            Map.entry("Parameter", "io.swagger.v3.oas.annotations.Parameter"),
            Map.entry("KeysetQuery", "{{pkg}}.platform.paging.KeysetQuery"),
            Map.entry("ReadThroughCache", "{{pkg}}.platform.cache.ReadThroughCache"),
            Map.entry("Caller", "{{pkg}}.platform.caller.Caller"),
            Map.entry("Callers", "{{pkg}}.platform.caller.Callers"),
            // tests
            Map.entry("Test", "org.junit.jupiter.api.Test"),
            Map.entry("Autowired", "org.springframework.beans.factory.annotation.Autowired"),
            Map.entry("JsonNode", "tools.jackson.databind.JsonNode"),
            Map.entry("Api", "{{pkg}}.testing.Api"),
            Map.entry("Reply", "{{pkg}}.testing.Api.Reply"),
            Map.entry("Session", "{{pkg}}.testing.Api.Session"),
            Map.entry("Admins", "{{pkg}}.testing.Admins"),
            Map.entry("ServiceTest", "{{pkg}}.testing.ServiceTest"));

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");

    private JavaFile() {}

    /**
     * The source of a file in package {@code pkg} (under {@code basePackage}) with {@code body} (everything after the
     * imports), importing what the body uses from {@link #KNOWN} and from {@code local} (types of other packages of
     * the project, by simple name). Static imports are given as they are.
     */
    static String of(String basePackage, String pkg, String body, Map<String, String> local, String... statics) {
        String code = COMMENTS.matcher(STRINGS.matcher(body).replaceAll("\"\"")).replaceAll("");
        TreeSet<String> imports = new TreeSet<>();
        java.util.LinkedHashMap<String, String> types = new java.util.LinkedHashMap<>(KNOWN);
        types.putAll(local);
        types.forEach((simple, qualified) -> {
            String fqn = qualified.replace("{{pkg}}", basePackage);
            boolean samePackage = fqn.substring(0, fqn.lastIndexOf('.')).equals(pkg);
            if (!samePackage
                    && Pattern.compile("(?<![\\w.])" + simple + "\\b")
                            .matcher(code)
                            .find()) {
                imports.add(fqn);
            }
        });
        StringBuilder out = new StringBuilder("package ").append(pkg).append(";\n\n");
        for (String s : statics) {
            out.append("import static ").append(s).append(";\n");
        }
        if (statics.length > 0) {
            out.append('\n');
        }
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        if (!imports.isEmpty()) {
            out.append('\n');
        }
        return out.append(body.strip()).append('\n').toString();
    }
}

package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of generated code one field contributes, by its type: Java type, validation, OpenAPI description, row
 * mapping, statement parameter, filter, GraphQL type and test values.
 */
record FieldCode(Field field, ResourceName resource) {
    FieldType type() {
        return field.type();
    }

    String name() {
        return field.name();
    }

    /** The Java type; an enum is {@code <Resource><Field>} ({@code ProductStatus}) in the resource's package. */
    String javaType() {
        return type() instanceof FieldType.Choice ? enumType() : type().javaType();
    }

    String enumType() {
        return resource.className() + field.capitalized();
    }

    /** Bean Validation annotations of the input component. */
    String validation() {
        List<String> out = new ArrayList<>();
        switch (type()) {
            case FieldType.Text t -> {
                if (field.required()) {
                    out.add("@NotBlank");
                }
                out.add("@Size(max = " + t.maxLength() + ")");
            }
            case FieldType.Decimal d -> {
                if (field.required()) {
                    out.add("@NotNull");
                }
                out.add("@Digits(integer = " + (d.precision() - d.scale()) + ", fraction = " + d.scale() + ")");
            }
            default -> {
                if (field.required()) {
                    out.add("@NotNull");
                }
            }
        }
        return String.join(" ", out);
    }

    /** What the OpenAPI document says of the field. */
    String description() {
        String what = switch (type()) {
            case FieldType.Text t -> "Text of at most " + t.maxLength() + " characters";
            case FieldType.Whole w -> "A whole number";
            case FieldType.Decimal d ->
                "An exact decimal with at most " + (d.precision() - d.scale()) + " digits before the point and "
                        + d.scale() + " after, as a string such as "
                        + decimalExample(d).replace("\"", "\\\"");
            case FieldType.Bool b -> "true or false";
            case FieldType.Day d -> "An ISO-8601 date such as 2026-12-07";
            case FieldType.Timestamp t -> "An ISO-8601 instant such as 2026-12-07T10:15:30Z";
            case FieldType.Choice c -> "One of " + String.join(", ", c.constants());
            case FieldType.Reference r -> "The id of a " + r.target().words();
        };
        return what + (field.required() ? "; required" : "; optional")
                + (field.unique() ? "; unique among live " + resource.pluralWords() : "") + ".";
    }

    /** The expression that reads the column in a row mapper ({@code rs} is the {@code ResultSet}). */
    String read() {
        String column = "\"" + field.column() + "\"";
        return switch (type()) {
            case FieldType.Text t -> "rs.getString(" + column + ")";
            case FieldType.Whole w -> "Rows.integer(rs, " + column + ")";
            case FieldType.Decimal d -> "rs.getBigDecimal(" + column + ")";
            case FieldType.Bool b -> "Rows.bool(rs, " + column + ")";
            case FieldType.Day d -> "Rows.localDate(rs, " + column + ")";
            case FieldType.Timestamp t -> "Rows.instant(rs, " + column + ")";
            case FieldType.Choice c -> "Rows.enumValue(rs, " + column + ", " + enumType() + ".class)";
            case FieldType.Reference r -> "Rows.uuid(rs, " + column + ")";
        };
    }

    /** The statement parameter for {@code value} (an expression of the field's Java type). */
    String param(String value) {
        return switch (type()) {
            case FieldType.Timestamp t -> "Rows.utc(" + value + ")";
            case FieldType.Choice c -> value + " == null ? null : " + value + ".name()";
            default -> value;
        };
    }

    /** The type the filter casts its parameter to ({@code KeysetQuery.whereEquals}). */
    String sqlCast() {
        return switch (type()) {
            case FieldType.Choice c -> "text";
            case FieldType.Decimal d -> "numeric";
            case FieldType.Timestamp t -> "timestamptz";
            default -> type().sqlType();
        };
    }

    /** The GraphQL type of the output field (decimals and instants are strings, ids are IDs). */
    String graphQlType() {
        String base = switch (type()) {
            case FieldType.Whole w -> "Int";
            case FieldType.Bool b -> "Boolean";
            case FieldType.Choice c -> enumType();
            case FieldType.Reference r -> "ID";
            default -> "String";
        };
        return base + (field.required() ? "!" : "");
    }

    /** A valid value as the test sends it in JSON, written as a Java expression. */
    String example() {
        return switch (type()) {
            case FieldType.Text t -> "text(" + t.maxLength() + ")";
            case FieldType.Whole w -> "3";
            case FieldType.Decimal d -> decimalExample(d);
            case FieldType.Bool b -> "true";
            case FieldType.Day d -> "\"2026-12-07\"";
            case FieldType.Timestamp t -> "\"2026-12-07T10:15:30Z\"";
            case FieldType.Choice c -> "\"" + c.constants().getFirst() + "\"";
            case FieldType.Reference r -> "null";
        };
    }

    /** The same value as a statement parameter in a test's INSERT (a Java expression). */
    String exampleParam() {
        return switch (type()) {
            case FieldType.Decimal d -> "new BigDecimal(" + decimalExample(d) + ")";
            case FieldType.Day d -> "LocalDate.parse(\"2026-12-07\")";
            case FieldType.Timestamp t -> "OffsetDateTime.parse(\"2026-12-07T10:15:30Z\")";
            default -> example();
        };
    }

    /** A value the API must refuse with this field named in the problem's errors, or {@code null} when none. */
    String invalidExample() {
        return switch (type()) {
            case FieldType.Text t -> "\"x\".repeat(" + (t.maxLength() + 1) + ")";
            case FieldType.Decimal d -> "\"1." + "1".repeat(d.scale() + 1) + "\"";
            default -> field.required() ? "null" : null;
        };
    }

    private static String decimalExample(FieldType.Decimal d) {
        String whole = d.precision() > d.scale() ? "1" : "0";
        return "\"" + whole + (d.scale() > 0 ? "." + "5".repeat(d.scale()) : "") + "\"";
    }
}

package dev.keelson.scaffold;

import java.util.List;

/**
 * What a field of an added resource holds, as {@code keelson add resource} reads it after the field's name:
 *
 * <pre>
 * text(200)            a string of at most 200 characters (text alone: 255)
 * integer              a 32-bit whole number
 * decimal(12,3)        an exact decimal of 12 digits, 3 after the point (decimal alone: 19,4)
 * money                decimal(19,2), sent and returned as a string ("25.50") so no client rounds it
 * boolean              true or false
 * date                 a calendar date (2026-12-07)
 * timestamp            an instant (2026-12-07T10:15:30Z), stored as timestamptz
 * enum(DRAFT,LIVE)     one of the listed constants (upper case)
 * ref(customer)        the id of a row of another resource (here customers), with its foreign key and index
 * </pre>
 *
 * Each alternative knows its Java type, its column type and its checks; the generators switch over them.
 */
sealed interface FieldType {
    /** The column type in PostgreSQL. */
    String sqlType();

    /** The Java type of the field in the resource's records. */
    String javaType();

    /** The type's spelling on the command line, as {@link Field#parse} reads it back. */
    String spelling();

    record Text(int maxLength) implements FieldType {
        static final int DEFAULT = 255;
        static final int MAX = 10_000;

        public String sqlType() {
            return "text";
        }

        public String javaType() {
            return "String";
        }

        public String spelling() {
            return "text(" + maxLength + ")";
        }
    }

    record Whole() implements FieldType {
        public String sqlType() {
            return "integer";
        }

        public String javaType() {
            return "Integer";
        }

        public String spelling() {
            return "integer";
        }
    }

    /** An exact decimal; {@code money} is {@code decimal(19,2)} written as a string in JSON. */
    record Decimal(int precision, int scale, boolean money) implements FieldType {
        static final Decimal MONEY = new Decimal(19, 2, true);

        public String sqlType() {
            return "numeric(" + precision + "," + scale + ")";
        }

        public String javaType() {
            return "BigDecimal";
        }

        public String spelling() {
            return money ? "money" : "decimal(" + precision + "," + scale + ")";
        }
    }

    record Bool() implements FieldType {
        public String sqlType() {
            return "boolean";
        }

        public String javaType() {
            return "Boolean";
        }

        public String spelling() {
            return "boolean";
        }
    }

    record Day() implements FieldType {
        public String sqlType() {
            return "date";
        }

        public String javaType() {
            return "LocalDate";
        }

        public String spelling() {
            return "date";
        }
    }

    record Timestamp() implements FieldType {
        public String sqlType() {
            return "timestamptz";
        }

        public String javaType() {
            return "Instant";
        }

        public String spelling() {
            return "timestamp";
        }
    }

    /** One of {@code constants}, stored as text with a CHECK; its Java type is an enum of the resource's package. */
    record Choice(List<String> constants) implements FieldType {
        public Choice {
            constants = List.copyOf(constants);
        }

        public String sqlType() {
            return "text";
        }

        public String javaType() {
            throw new IllegalStateException("an enum's Java type is named after its field: use Field.javaType()");
        }

        public String spelling() {
            return "enum(" + String.join(",", constants) + ")";
        }
    }

    /** The id of a row of {@code target}, another resource of the project ({@code user} when it has auth). */
    record Reference(ResourceName target) implements FieldType {
        public String sqlType() {
            return "uuid";
        }

        public String javaType() {
            return "UUID";
        }

        public String spelling() {
            return "ref(" + target.singular() + ")";
        }
    }
}

package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;

/**
 * One sort order of a list, as {@link Sorts#parse} read it from {@code ?sort=}: the field, the direction, and what
 * makes a row's {@link Cursor}.
 */
public record Sort<T>(String list, SortField<T> field, boolean ascending, Function<T, UUID> id) {

    /** The list and field a cursor belongs to, for example {@code products.price}. */
    public String key() {
        return list + "." + field.name();
    }

    /** The position after {@code row}, for the next page's cursor. */
    public Cursor position(T row) {
        return new Cursor(key(), text(field.value().apply(row)), id.apply(row), ascending);
    }

    /**
     * The position {@code cursor} (a previous page's {@code nextCursor}) holds, or {@code null} for the first page;
     * a 400 problem when it is not valid or was made for another list, field or direction.
     */
    public Cursor after(String cursor, CursorCodec codec) {
        if (cursor == null) {
            return null;
        }
        Cursor after = codec.decode(cursor);
        if (!after.sort().equals(key()) || after.ascending() != ascending) {
            throw new ApiException(
                    ErrorCode.VALIDATION,
                    "cursor belongs to a list with another sort order: pass the same sort as the page it came from");
        }
        return after;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            case Enum<?> e -> e.name();
            default -> value.toString();
        };
    }
}

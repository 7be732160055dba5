package dev.keelson.reference.platform.paging;

import java.util.UUID;

/**
 * A position in a list: the last row of the previous page under one {@link Sort}. Opaque to clients; see
 * {@link CursorCodec}.
 *
 * @param sort      the list and field it was made for ({@link Sort#key()}, for example {@code orders.createdAt})
 * @param value     that row's value of the sort field as text ({@code null} when the row has none)
 * @param id        that row's id, which breaks ties
 * @param ascending the direction of the list
 */
public record Cursor(String sort, String value, UUID id, boolean ascending) {}

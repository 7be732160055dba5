package dev.keelson.reference.graphql;

import dev.keelson.reference.platform.paging.Page;
import java.util.List;

/** A page as GraphQL shows it ({@code OrderPage}, {@code UserPage}): its nodes and where the next page starts. */
record Connection<T>(List<T> nodes, PageInfo pageInfo) {

    /** {@code endCursor} is the signed cursor REST returns as {@code meta.nextCursor}; {@code null} on the last page. */
    record PageInfo(boolean hasNextPage, String endCursor) {}

    static <T> Connection<T> of(Page<T> page) {
        return new Connection<>(page.items(), new PageInfo(page.hasNext(), page.nextCursor()));
    }
}

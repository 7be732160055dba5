package dev.keelson.reference.platform.caller;

/**
 * How an owned table ties a row to the caller who made it, as the SQL of its statements (named parameters). With
 * sign-in the owner is a column referencing the user ({@code auth.UserOwnership}); without it rows have no owner:
 * nothing is stored and every row is reachable. A repository writes its statements once with these pieces:
 *
 * <pre>{@code
 * SELECT <selectOwner>, id, ... FROM t WHERE id = :id AND <reachable>        -- bind :ownerFilter
 * INSERT INTO t (<ownerColumn>id, ...) VALUES (<ownerValue>:id, ...)         -- bind :owner
 * }</pre>
 */
public interface Ownership {
    /** A select expression naming the row's owner {@code owner_id} (a {@code uuid}, {@code NULL} without owners). */
    String selectOwner();

    /** The owner column followed by {@code ", "} for an INSERT's column list, or {@code ""}. */
    String ownerColumn();

    /** The {@code :owner} parameter followed by {@code ", "} for an INSERT's values, or {@code ""}. */
    String ownerValue();

    /**
     * A condition true for the rows the {@code :ownerFilter} parameter ({@link Caller#ownerFilter()}) reaches: its
     * own rows, or every row when it is {@code null}.
     */
    String reachable();
}

package dev.keelson.reference.platform.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * A position in a list sorted by {@code (created_at, id)}: the last row of the previous page, and the direction.
 * Opaque to clients; see {@link CursorCodec}.
 */
public record Cursor(Instant createdAt, UUID id, boolean ascending) {}

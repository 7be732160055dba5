package dev.keelson.reference.auth;

import dev.keelson.reference.platform.caller.Ownership;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Owned rows belong to a user: their {@code user_id} column references {@code users}, and a user's queries see only
 * their own rows (admins, whose owner filter is {@code null}, see every row).
 */
@Component
@Primary
class UserOwnership implements Ownership {
    @Override
    public String selectOwner() {
        return "user_id AS owner_id";
    }

    @Override
    public String ownerColumn() {
        return "user_id, ";
    }

    @Override
    public String ownerValue() {
        return ":owner, ";
    }

    @Override
    public String reachable() {
        return "(CAST(:ownerFilter AS uuid) IS NULL OR user_id = :ownerFilter)";
    }
}

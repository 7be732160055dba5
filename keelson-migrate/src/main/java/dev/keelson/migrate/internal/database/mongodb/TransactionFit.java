package dev.keelson.migrate.internal.database.mongodb;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a file can run in one multi-document transaction. MongoDB allows in a transaction the CRUD commands, an
 * explicit {@code create}, and {@code createIndexes} on a collection created in the same transaction (4.4 and
 * later); it refuses {@code drop}, {@code dropIndexes}, {@code collMod}, {@code renameCollection} and the rest of
 * the DDL. A file that has one of those runs command by command, its progress recorded in the history.
 */
final class TransactionFit {
    private static final Set<String> CRUD = Set.of("insert", "update", "delete", "findAndModify");

    private TransactionFit() {}

    static boolean fits(CommandFile file) {
        Set<String> created = new HashSet<>();
        for (Command c : file.commands()) {
            String name = c.name();
            if (name.equals("create") && !c.body().containsKey("viewOn")) {
                created.add(c.collection());
            } else if (name.equals("createIndexes")) {
                if (!created.contains(c.collection())) {
                    return false;
                }
            } else if (!CRUD.contains(name)) {
                return false;
            }
        }
        return true;
    }
}

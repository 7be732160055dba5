package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.diff.ObjectKind;
import dev.keelson.migrate.diff.SchemaObject;
import dev.keelson.migrate.internal.diff.DdlWriter;
import java.util.List;

/** MySQL/MariaDB DDL; every name in back-ticks ({@code ``} doubled), which is always correct there. */
final class MariaDbDdl implements DdlWriter {
    @Override
    public String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** MySQL has no {@code CREATE OR REPLACE} for routines. */
    @Override
    public boolean recreatesChangedRoutines() {
        return true;
    }

    @Override
    public String primaryKeyClause(SchemaObject primaryKey) {
        return primaryKey.get("definition");
    }

    @Override
    public String columnDefinition(SchemaObject c) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ').append(c.get("type"));
        String generated = c.get("generated");
        if (generated != null) {
            return b.append(" GENERATED ALWAYS AS (")
                    .append(generated, 0, generated.lastIndexOf(' '))
                    .append(")")
                    .append(generated.substring(generated.lastIndexOf(' ')))
                    .toString();
        }
        b.append("false".equals(c.get("nullable")) ? " NOT NULL" : " NULL");
        if (c.get("default") != null) {
            b.append(" DEFAULT ").append(c.get("default"));
        }
        if (c.get("identity") != null) {
            b.append(" AUTO_INCREMENT");
        }
        if (c.get("on update") != null) {
            b.append(" ON UPDATE ").append(c.get("on update"));
        }
        return b.toString();
    }

    @Override
    public List<String> alterColumn(SchemaObject from, SchemaObject to, List<String> changed) {
        return List.of("ALTER TABLE " + table(to) + " MODIFY COLUMN " + columnDefinition(to));
    }

    @Override
    public String addConstraint(SchemaObject c) {
        return switch (c.kind()) {
            case PRIMARY_KEY -> "ALTER TABLE " + table(c) + " ADD " + c.get("definition");
            case UNIQUE ->
                "ALTER TABLE " + table(c) + " ADD "
                        + c.get("definition").replaceFirst("UNIQUE KEY ", "UNIQUE KEY " + quote(c.name()) + " ");
            default -> "ALTER TABLE " + table(c) + " ADD CONSTRAINT " + quote(c.name()) + " " + c.get("definition");
        };
    }

    @Override
    public String dropConstraint(SchemaObject c) {
        return switch (c.kind()) {
            case PRIMARY_KEY -> "ALTER TABLE " + table(c) + " DROP PRIMARY KEY";
            case UNIQUE -> "ALTER TABLE " + table(c) + " DROP INDEX " + quote(c.name());
            case FOREIGN_KEY -> "ALTER TABLE " + table(c) + " DROP FOREIGN KEY " + quote(c.name());
            default -> "ALTER TABLE " + table(c) + " DROP CONSTRAINT " + quote(c.name());
        };
    }

    @Override
    public String createIndex(SchemaObject index) {
        String d = index.get("definition");
        String kind = d.startsWith("FULLTEXT") ? "FULLTEXT " : d.startsWith("SPATIAL") ? "SPATIAL " : "";
        String rest = d.substring(d.indexOf('('));
        return "CREATE " + kind + "INDEX " + quote(index.name()) + " ON " + table(index) + " " + rest;
    }

    @Override
    public String dropIndex(SchemaObject index) {
        return "DROP INDEX " + quote(index.name()) + " ON " + table(index);
    }

    @Override
    public String create(SchemaObject o) {
        return switch (o.kind()) {
            case SEQUENCE -> "CREATE SEQUENCE " + quote(o.name());
            case VIEW -> "CREATE VIEW " + quote(o.name()) + " AS " + o.get("definition");
            case FUNCTION, PROCEDURE -> o.get("definition");
            default -> throw new IllegalArgumentException(o.kind() + " is not a top-level object here");
        };
    }

    @Override
    public String drop(SchemaObject o) {
        return switch (o.kind()) {
            case SEQUENCE -> "DROP SEQUENCE " + quote(o.name());
            case VIEW -> "DROP VIEW " + quote(o.name());
            case FUNCTION, PROCEDURE -> "DROP " + o.kind().name() + " " + quote(o.name());
            default -> throw new IllegalArgumentException(o.kind() + " is not a top-level object here");
        };
    }

    @Override
    public List<String> afterTables(SchemaObject o) {
        return List.of();
    }

    @Override
    public boolean implicit(SchemaObject o) {
        return o.kind() == ObjectKind.ENUM;
    }
}

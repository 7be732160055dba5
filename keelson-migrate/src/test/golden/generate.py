#!/usr/bin/env python3
"""Writes the golden migration folders (src/test/resources/golden/{postgresql,mariadb}): per dialect, the schema of
six entities of a small shop grown step by step the way a team grows one (types, tables, indexes, triggers,
functions and procedures, views, materialized views, partitions, generated columns, sequences, seeds, renames,
foreign keys), the entities' steps interleaved, every V file with its U file. GoldenFolderIT applies each folder
through keelson and through the official client and compares the dumps. Run it again after changing a step:
    python3 keelson-migrate/src/test/golden/generate.py
"""
import os
import shutil

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden")
ENTITIES = ["customer", "product", "supplier", "invoice", "shipment", "ticket"]

# what each entity has of its own, beyond the columns every entity has: (PostgreSQL, MariaDB, extra index column)
OWN = {
    "customer": ("    email varchar(320),\n    birthday date,\n    marketing_opt_in boolean NOT NULL DEFAULT false,\n",
                 "    email varchar(320),\n    birthday date,\n    marketing_opt_in tinyint(1) NOT NULL DEFAULT 0,\n",
                 "email"),
    "product": ("    sku char(12),\n    weight_grams integer CHECK (weight_grams > 0),\n"
                "    dimensions jsonb NOT NULL DEFAULT '{\"w\": 0, \"h\": 0}',\n",
                "    sku char(12),\n    weight_grams int unsigned,\n    dimensions json,\n", "sku"),
    "supplier": ("    country char(2) NOT NULL DEFAULT 'DE',\n    rating real,\n    website text,\n",
                 "    country char(2) NOT NULL DEFAULT 'DE',\n    rating float,\n    website varchar(2000),\n",
                 "country"),
    "invoice": ("    due_on date NOT NULL DEFAULT (current_date + 30),\n    paid_at timestamptz,\n    vat_rate numeric(4, 3) NOT NULL DEFAULT 0.19,\n",
                "    due_on date NOT NULL DEFAULT (CURRENT_DATE + INTERVAL 30 DAY),\n    paid_at datetime(3),\n    vat_rate decimal(4, 3) NOT NULL DEFAULT 0.190,\n",
                "due_on"),
    "shipment": ("    tracking_number text,\n    weight_kg numeric(8, 3),\n    shipped_at timestamptz,\n    delivered_at timestamptz,\n",
                 "    tracking_number varchar(64),\n    weight_kg decimal(8, 3),\n    shipped_at datetime(3),\n    delivered_at datetime(3),\n",
                 "shipped_at"),
    "ticket": ("    priority smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),\n    labels text[] NOT NULL DEFAULT '{}',\n    body text,\n",
               "    priority tinyint NOT NULL DEFAULT 3,\n    labels json,\n    body mediumtext,\n",
               "priority"),
}


def pg_steps(e, i, prev):
    steps = [
        ("status type", f"CREATE TYPE {e}_status AS ENUM ('new', 'active', 'closed');\n",
         f"DROP TYPE {e}_status;\n"),
        (f"{e} table", f"""CREATE TABLE {e} (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    status {e}_status NOT NULL DEFAULT 'new',
    note text,
    code text,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
{OWN[e][0]}    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
COMMENT ON TABLE {e} IS 'The {e}s; ''{e}'' rows are never deleted, only closed';
""", f"DROP TABLE {e};\n"),
        ("indexes", f"CREATE INDEX {e}_created_at_idx ON {e} (created_at);\n"
                    f"CREATE UNIQUE INDEX {e}_lower_name_idx ON {e} (lower(name)) WHERE status <> 'closed';\n"
                    f"CREATE INDEX {e}_{OWN[e][2]}_idx ON {e} ({OWN[e][2]});\n",
         f"DROP INDEX {e}_{OWN[e][2]}_idx;\nDROP INDEX {e}_lower_name_idx;\nDROP INDEX {e}_created_at_idx;\n"),
        ("touch trigger", f"""CREATE FUNCTION {e}_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a semicolon in a comment; and one in a string: 'a;b'
    NEW.updated_at := now();
    IF NEW.note = 'a;b' THEN
        RAISE NOTICE 'note of % has a semicolon', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER {e}_touch BEFORE UPDATE ON {e} FOR EACH ROW EXECUTE FUNCTION {e}_touch();
""", f"DROP TRIGGER {e}_touch ON {e};\nDROP FUNCTION {e}_touch();\n"),
        ("generated name", f"ALTER TABLE {e} ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;\n",
         f"ALTER TABLE {e} DROP COLUMN name_lower;\n"),
        ("active view", f"CREATE VIEW {e}_active AS\n    SELECT id, name, amount FROM {e} WHERE status = 'active';\n",
         f"DROP VIEW {e}_active;\n"),
        ("counts", f"""CREATE MATERIALIZED VIEW {e}_counts AS
    SELECT status, count(*) AS n, sum(amount) AS total FROM {e} GROUP BY status
WITH DATA;
CREATE UNIQUE INDEX {e}_counts_status_idx ON {e}_counts (status);
""", f"DROP MATERIALIZED VIEW {e}_counts;\n"),
        ("functions", f"""CREATE FUNCTION {e}_count_by_status(s {e}_status) RETURNS bigint
    LANGUAGE sql STABLE AS 'SELECT count(*) FROM {e} WHERE status = s';
CREATE FUNCTION {e}_label(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    v text;
BEGIN
    SELECT format('%s (%s)', name, status) INTO v FROM {e} WHERE id = p_id;
    RETURN coalesce(v, $q$unknown; none$q$);
END
$body$;
""", f"DROP FUNCTION {e}_label(bigint);\nDROP FUNCTION {e}_count_by_status({e}_status);\n"),
        ("close procedure", f"""CREATE PROCEDURE {e}_close_old(days integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {e} SET status = 'closed' WHERE created_at < now() - make_interval(days => days);
END
$$;
""", f"DROP PROCEDURE {e}_close_old(integer);\n"),
        ("events", f"""CREATE TABLE {e}_event (
    id bigint NOT NULL,
    {e}_id bigint NOT NULL,
    at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{{}}'
) PARTITION BY RANGE (at);
CREATE TABLE {e}_event_2026 PARTITION OF {e}_event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE {e}_event_2027 PARTITION OF {e}_event FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX {e}_event_at_idx ON {e}_event (at);
""", f"DROP TABLE {e}_event;\n"),
        ("code type", f"ALTER TABLE {e} ALTER COLUMN code TYPE varchar(12);\n",
         f"ALTER TABLE {e} ALTER COLUMN code TYPE text;\n"),
        ("seed", f"""INSERT INTO {e} (name, status, amount) VALUES
    ('first {e}', 'active', 10.50),
    ('second {e}', 'new', 0),
    ('O''Brien {e}', 'closed', 99.99);
DO $$
BEGIN
    IF (SELECT count(*) FROM {e}) < 3 THEN
        RAISE EXCEPTION 'seed of {e} incomplete';
    END IF;
END
$$;
""", f"DELETE FROM {e} WHERE name IN ('first {e}', 'second {e}', 'O''Brien {e}');\n"),
        ("rename note", f"ALTER TABLE {e} RENAME COLUMN note TO remark;\n",
         f"ALTER TABLE {e} RENAME COLUMN remark TO note;\n"),
    ]
    if prev:
        steps.append((f"{prev} link", f"ALTER TABLE {e} ADD COLUMN {prev}_id bigint REFERENCES {prev} (id);\n"
                                      f"CREATE INDEX {e}_{prev}_id_idx ON {e} ({prev}_id);\n",
                      f"DROP INDEX {e}_{prev}_id_idx;\nALTER TABLE {e} DROP COLUMN {prev}_id;\n"))
    else:
        steps.append(("sequence", f"CREATE SEQUENCE {e}_ref_seq START 1000;\n"
                                  f"ALTER TABLE {e} ADD COLUMN ref bigint NOT NULL DEFAULT nextval('{e}_ref_seq');\n",
                      f"ALTER TABLE {e} DROP COLUMN ref;\nDROP SEQUENCE {e}_ref_seq;\n"))
    return steps


def mariadb_steps(e, i, prev):
    steps = [
        (f"{e} table", f"""CREATE TABLE {e} (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new',
    tags SET('red', 'green', 'blue') NOT NULL DEFAULT '',
    note varchar(200),
    code varchar(20),
    amount decimal(12, 2) NOT NULL DEFAULT 0,
{OWN[e][1]}    created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at datetime(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='The {e}s: café, naïve, 日本';
""", f"DROP TABLE {e};\n"),
        ("indexes", f"CREATE INDEX {e}_created_at_idx ON {e} (created_at);\n"
                    f"CREATE UNIQUE INDEX {e}_name_idx ON {e} (name);\n"
                    f"CREATE INDEX {e}_{OWN[e][2]}_idx ON {e} ({OWN[e][2]});\n",
         f"DROP INDEX {e}_{OWN[e][2]}_idx ON {e};\nDROP INDEX {e}_name_idx ON {e};\n"
         f"DROP INDEX {e}_created_at_idx ON {e};\n"),
        ("generated", f"ALTER TABLE {e} ADD COLUMN name_upper varchar(100) AS (UPPER(name)) VIRTUAL,\n"
                      f"    ADD COLUMN amount_gross decimal(14, 2) AS (amount * 1.2) STORED;\n",
         f"ALTER TABLE {e} DROP COLUMN amount_gross, DROP COLUMN name_upper;\n"),
        ("touch trigger", f"""CREATE TRIGGER {e}_touch BEFORE UPDATE ON {e} FOR EACH ROW
BEGIN
    SET NEW.updated_at = CURRENT_TIMESTAMP(3);
    IF NEW.note = 'a;b' THEN
        SET NEW.note = CONCAT(NEW.note, ' (semicolon)');
    END IF;
END;
""", f"DROP TRIGGER {e}_touch;\n"),
        ("active view", f"CREATE VIEW {e}_active AS\n    SELECT id, name, amount FROM {e} WHERE status = 'active';\n",
         f"DROP VIEW {e}_active;\n"),
        ("close procedure", f"""CREATE PROCEDURE {e}_close_old(IN days INT)
MODIFIES SQL DATA
BEGIN
    DECLARE closed INT DEFAULT 0;
    UPDATE {e} SET status = 'closed' WHERE created_at < NOW() - INTERVAL days DAY;
    SET closed = ROW_COUNT();
    SELECT closed AS closed_{e}s;
END;
""", f"DROP PROCEDURE {e}_close_old;\n"),
        ("label function", f"""CREATE FUNCTION {e}_label(p_id BIGINT) RETURNS VARCHAR(120)
READS SQL DATA
BEGIN
    DECLARE v VARCHAR(120);
    SELECT CONCAT(name, ' (', status, '; ', amount, ')') INTO v FROM {e} WHERE id = p_id;
    RETURN COALESCE(v, 'unknown; none');
END;
""", f"DROP FUNCTION {e}_label;\n"),
        ("events", f"""CREATE TABLE {e}_event (
    id bigint NOT NULL,
    {e}_id bigint NOT NULL,
    happened_on date NOT NULL,
    payload json,
    PRIMARY KEY (id, happened_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
PARTITION BY RANGE (YEAR(happened_on)) (
    PARTITION p2026 VALUES LESS THAN (2027),
    PARTITION p2027 VALUES LESS THAN (2028),
    PARTITION pmax VALUES LESS THAN MAXVALUE
);
""", f"DROP TABLE {e}_event;\n"),
        ("seed", f"""SET @seed_name = 'first {e}';
SET @insert = CONCAT('INSERT INTO {e} (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO {e} (name, amount, tags) VALUES ('second {e}', 0, 'red,blue'), ('O''Brien {e}', 99.99, '');
""", f"DELETE FROM {e} WHERE name IN ('first {e}', 'second {e}', 'O''Brien {e}');\n"),
        ("sequence", f"CREATE SEQUENCE {e}_ref_seq START WITH 1000 INCREMENT BY 1;\n",
         f"DROP SEQUENCE {e}_ref_seq;\n"),
        ("code width", f"ALTER TABLE {e} MODIFY code varchar(40);\n",
         f"-- keelson:lint-ignore mysql-table-copy the undo narrows a column of a small table\n"
         f"ALTER TABLE {e} MODIFY code varchar(20);\n"),
        ("amount check", f"ALTER TABLE {e} ADD CONSTRAINT {e}_amount_positive CHECK (amount >= 0);\n",
         f"ALTER TABLE {e} DROP CONSTRAINT {e}_amount_positive;\n"),
        ("rename note", f"ALTER TABLE {e} RENAME COLUMN note TO remark;\n",
         f"ALTER TABLE {e} RENAME COLUMN remark TO note;\n"),
    ]
    if prev:
        steps.append((f"{prev} link", f"ALTER TABLE {e} ADD COLUMN {prev}_id bigint NULL,\n"
                                      f"    ADD CONSTRAINT {e}_{prev}_fk FOREIGN KEY ({prev}_id) REFERENCES {prev} (id);\n",
                      f"ALTER TABLE {e} DROP FOREIGN KEY {e}_{prev}_fk;\n"
                      f"ALTER TABLE {e} DROP INDEX {e}_{prev}_fk, DROP COLUMN {prev}_id;\n"))
    else:
        steps.append(("count table", "CREATE TABLE Count (Id int NOT NULL PRIMARY KEY, Total bigint);\n"
                                     "INSERT INTO Count (Id, Total) VALUES (1, 0);\n",
                      "DROP TABLE Count;\n"))
    return steps


def write(dialect, steps_of):
    folder = os.path.join(ROOT, dialect)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    plans = [steps_of(e, i, ENTITIES[i - 1] if i > 0 else None) for i, e in enumerate(ENTITIES)]
    version = 0
    for step in range(max(len(p) for p in plans)):
        for e, plan in zip(ENTITIES, plans):
            if step >= len(plan):
                continue
            version += 1
            desc, up, down = plan[step]
            slug = (e + "_" + desc if not desc.startswith(e) else desc).replace(" ", "_")
            for prefix, text in (("V", up), ("U", down)):
                with open(os.path.join(folder, f"{prefix}{version}__{slug}.sql"), "w", encoding="utf-8") as f:
                    f.write(f"-- {prefix}{version}: {desc} of {e}\n" + text)
    return version


if __name__ == "__main__":
    print("postgresql:", write("postgresql", pg_steps), "versions")
    print("mariadb:", write("mariadb", mariadb_steps), "versions")

ALTER TABLE users ALTER COLUMN name TYPE integer USING name::integer;

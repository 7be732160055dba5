-- V27: generated name of supplier
ALTER TABLE supplier ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

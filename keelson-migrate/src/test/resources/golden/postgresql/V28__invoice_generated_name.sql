-- V28: generated name of invoice
ALTER TABLE invoice ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

-- V30: generated name of ticket
ALTER TABLE ticket ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

-- V26: generated name of product
ALTER TABLE product ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

-- V25: generated name of customer
ALTER TABLE customer ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

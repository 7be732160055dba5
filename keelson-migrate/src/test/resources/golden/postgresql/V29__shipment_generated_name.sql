-- V29: generated name of shipment
ALTER TABLE shipment ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED;

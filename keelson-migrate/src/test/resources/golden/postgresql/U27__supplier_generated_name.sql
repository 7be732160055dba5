-- U27: generated name of supplier
ALTER TABLE supplier DROP COLUMN name_lower;

-- U26: generated name of product
ALTER TABLE product DROP COLUMN name_lower;

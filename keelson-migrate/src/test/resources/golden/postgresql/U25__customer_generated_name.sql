-- U25: generated name of customer
ALTER TABLE customer DROP COLUMN name_lower;

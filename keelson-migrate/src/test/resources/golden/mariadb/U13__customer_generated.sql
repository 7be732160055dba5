-- U13: generated of customer
ALTER TABLE customer DROP COLUMN amount_gross, DROP COLUMN name_upper;

-- U14: generated of product
ALTER TABLE product DROP COLUMN amount_gross, DROP COLUMN name_upper;

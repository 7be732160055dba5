-- U16: generated of invoice
ALTER TABLE invoice DROP COLUMN amount_gross, DROP COLUMN name_upper;

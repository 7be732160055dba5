-- U15: generated of supplier
ALTER TABLE supplier DROP COLUMN amount_gross, DROP COLUMN name_upper;

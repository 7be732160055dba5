-- U18: generated of ticket
ALTER TABLE ticket DROP COLUMN amount_gross, DROP COLUMN name_upper;

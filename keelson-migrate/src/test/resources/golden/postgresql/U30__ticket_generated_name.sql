-- U30: generated name of ticket
ALTER TABLE ticket DROP COLUMN name_lower;

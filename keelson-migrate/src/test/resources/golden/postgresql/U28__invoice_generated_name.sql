-- U28: generated name of invoice
ALTER TABLE invoice DROP COLUMN name_lower;

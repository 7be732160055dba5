-- U63: code type of supplier
ALTER TABLE supplier ALTER COLUMN code TYPE text;

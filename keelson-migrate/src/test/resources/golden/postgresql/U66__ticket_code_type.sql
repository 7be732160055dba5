-- U66: code type of ticket
ALTER TABLE ticket ALTER COLUMN code TYPE text;

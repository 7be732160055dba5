ALTER TABLE users DROP COLUMN note, DROP INDEX users_email;

ALTER TABLE users ADD COLUMN note text;
CREATE INDEX users_email ON users (email);

-- a plain index on a table made by V1: SHARE lock while it builds
CREATE INDEX users_email ON users (email);

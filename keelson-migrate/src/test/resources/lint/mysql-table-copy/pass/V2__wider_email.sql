ALTER TABLE users MODIFY COLUMN email varchar(60) NOT NULL, ADD COLUMN note text, ADD INDEX users_email (email);

CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text,
    name varchar(50)
);
CREATE INDEX users_name ON users (name);

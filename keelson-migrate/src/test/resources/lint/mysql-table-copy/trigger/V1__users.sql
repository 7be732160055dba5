CREATE TABLE users (
    id bigint PRIMARY KEY,
    email varchar(40),
    age varchar(10)
);

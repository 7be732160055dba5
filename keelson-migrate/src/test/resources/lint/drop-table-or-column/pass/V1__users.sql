CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text,
    name varchar(50)
);
CREATE TABLE scratch (id int);
DROP TABLE scratch;

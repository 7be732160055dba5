CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text,
    name varchar(50)
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint
);

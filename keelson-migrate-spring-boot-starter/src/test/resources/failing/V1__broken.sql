CREATE TABLE fine (id bigint PRIMARY KEY);
CREATE TABLE broken (id bigint PRIMARY KEY, FOREIGN KEY (nope) REFERENCES nowhere (id));

-- psql does not split at a semicolon inside parentheses: multi-action rules rely on it
CREATE TABLE src (x int);
CREATE TABLE dst1 (x int);
CREATE TABLE dst2 (x int);
CREATE RULE fan_out AS ON INSERT TO src DO ALSO (
    INSERT INTO dst1 VALUES (new.x);
    INSERT INTO dst2 VALUES (new.x * 2)
);
INSERT INTO src VALUES (21);
SELECT (SELECT x FROM dst1) = 21 AND (SELECT x FROM dst2) = 42 AS expect_true;

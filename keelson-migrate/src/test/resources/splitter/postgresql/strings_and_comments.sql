/* A block comment /* with a nested one; */ still inside the outer; */
-- a line comment with a quote ' and a ; and a $$
SELECT E'it\'s; a \\ backslash' = 'it''s; a \ backslash' AS expect_true;
SELECT 'C:\' = E'C:\\' AS expect_true;   -- standard strings keep the backslash
SELECT U&'d\0061t\+000061;' = 'data;' AS expect_true;
SELECT length(e'\x41;''') = 3 AS expect_true;
SELECT 1 /* inside; a statement */ + /* nested /* ; */ */ 1 = 2 -- trailing; comment
    AS expect_true;
SELECT $$a 'quote' and -- not a comment; $$ = 'a ''quote'' and -- not a comment; ' AS expect_true;
CREATE TABLE t1 (x int);
INSERT INTO t1 VALUES (1)    ;   INSERT INTO t1 VALUES (2);INSERT INTO t1 VALUES (3)
;
SELECT count(*) = 3 AS expect_true FROM t1;
-- a statement without a terminating semicolon at the end of the file
SELECT true AS expect_true
-- and a comment after it

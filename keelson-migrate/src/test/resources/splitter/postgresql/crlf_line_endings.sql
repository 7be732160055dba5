CREATE TABLE crlf (x int);

-- comment; with semicolon
INSERT INTO crlf
VALUES (1);
/* block
   comment */ INSERT INTO crlf VALUES (2);
SELECT count(*) = 2 AS expect_true
FROM crlf;

/* a block comment; with a ' quote */
-- a line comment; with a " quote
CREATE TABLE "t;1" ("a""b" TEXT, [c;d] TEXT, `e;f` TEXT);
INSERT INTO "t;1" VALUES ('x;''y', 'back\', '#not a comment');
SELECT "a""b" = 'x;''y' AS expect_true FROM "t;1";
SELECT [c;d] = 'back' || char(92) AS expect_true FROM "t;1";
SELECT `e;f` = '#not a comment' AS expect_true FROM "t;1";
SELECT 1 -- trailing; comment
    = 1 AS expect_true

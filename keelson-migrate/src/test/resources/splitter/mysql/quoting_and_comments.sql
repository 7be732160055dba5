# A hash comment; with a semicolon
CREATE TABLE `odd;name` (`col;1` INT, ```quoted;``` VARCHAR(50));
INSERT INTO `odd;name` VALUES (1, 'it\'s; escaped'), (2, "double \"quoted\"; text"), (3, 'doubled '' quote;');
SELECT COUNT(*) = 3 AS expect_true FROM `odd;name`;
SELECT ```quoted;``` = 'it\'s; escaped' AS expect_true FROM `odd;name` WHERE `col;1` = 1;
SELECT 1--1 = 2 AS expect_true;
SELECT 5 -- a comment needs the blank; this is one
    = 5 AS expect_true;
SELECT 'back\\slash' = CONCAT('back', CHAR(92), 'slash') AS expect_true;
/* a plain block comment; /* not nested in MySQL */ SELECT 1 = 1 AS expect_true;
SELECT 2 /*!99999 + 100 */ = 2 AS expect_true; # a version comment for a future server is skipped
SELECT 3 /*!10000 + 1 */ = 4 AS expect_true;   -- ... and one for this server runs
SELECT $$ FROM (SELECT 1 AS $$) AS t$;

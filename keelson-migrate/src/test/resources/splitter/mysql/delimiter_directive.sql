-- The mysql client's DELIMITER directive: not a statement, changes what ends one
CREATE TABLE counter (n INT);
INSERT INTO counter VALUES (0);

DELIMITER //
CREATE PROCEDURE bump(IN by_n INT)
BEGIN
    UPDATE counter SET n = n + by_n;   -- a ; inside the body
    SELECT 'done; really' INTO @msg;
END //
DELIMITER ;

delimiter $$
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
    RETURN x * 2;
END$$
CALL bump(twice(3))$$
DELIMITER ;

CALL bump(1);
SELECT n = 7 AS expect_true FROM counter;
SELECT @msg = 'done; really' AS expect_true;

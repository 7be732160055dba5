-- Stored programs written without DELIMITER: one statement each, however deep the nesting
CREATE TABLE log (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(100), `end` INT);

CREATE DEFINER = CURRENT_USER PROCEDURE fill(IN n INT)
BEGIN
    DECLARE i INT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION
    BEGIN
        INSERT INTO log (msg) VALUES ('error; handled');
    END;
    outer_loop: LOOP
        SET i = i + 1;
        IF i > n THEN
            LEAVE outer_loop;
        ELSEIF i = 2 THEN
            INSERT INTO log (msg, `end`) VALUES (IF(i > 1, 'two', 'one'), i);
        ELSE
            CASE WHEN i = 1 THEN
                INSERT INTO log (msg) VALUES (REPEAT('x', i));
            ELSE
                BEGIN
                    INSERT INTO log (msg) VALUES (CASE i WHEN 3 THEN 'three' ELSE 'many' END);
                END;
            END CASE;
        END IF;
    END LOOP outer_loop;
    WHILE i > 0 DO
        SET i = i - 1;
    END WHILE;
    REPEAT
        SET i = i + 1;
    UNTIL i >= 2 END REPEAT;
END;

CREATE FUNCTION label_of(x INT) RETURNS VARCHAR(20) DETERMINISTIC
BEGIN
    RETURN CASE WHEN x > 0 THEN 'pos;' ELSE 'neg;' END;
END;

CREATE TRIGGER log_upper BEFORE INSERT ON log FOR EACH ROW
BEGIN
    IF NEW.msg = 'two' THEN
        SET NEW.msg = UPPER(NEW.msg);
    END IF;
END;

CREATE TRIGGER log_no_body BEFORE UPDATE ON log FOR EACH ROW SET NEW.msg = LOWER(NEW.msg);

CALL fill(4);
SELECT COUNT(*) = 4 AS expect_true FROM log;
SELECT msg = 'TWO' AND `end` = 2 AS expect_true FROM log WHERE id = 2;
SELECT label_of(1) = 'pos;' AS expect_true;

BEGIN NOT ATOMIC
    DECLARE x INT DEFAULT 10;
    INSERT INTO log (msg) VALUES (CONCAT('anonymous; ', x));
END;
SELECT COUNT(*) = 1 AS expect_true FROM log WHERE msg = 'anonymous; 10';

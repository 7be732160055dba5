-- MariaDB runs IF / WHILE / CASE / REPEAT compound statements outside stored programs, without DELIMITER here
CREATE TABLE migration_flags (name VARCHAR(20) PRIMARY KEY, n INT);
INSERT INTO migration_flags VALUES ('a', 0);

IF NOT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = DATABASE() AND table_name = 'migration_flags' AND column_name = 'extra') THEN
    ALTER TABLE migration_flags ADD COLUMN extra VARCHAR(10) DEFAULT 'x;y';
    IF (SELECT COUNT(*) FROM migration_flags) > 0 THEN
        UPDATE migration_flags SET n = IF(n = 0, 1, n);   -- the IF() function opens nothing
    END IF;
END IF;

SET @i = 0;
WHILE @i < 5 DO
    SET @i = @i + 1;
    CASE WHEN @i >= 3 THEN
        SET @skipped = 'yes;';
    ELSE
        BEGIN
            UPDATE migration_flags SET n = n + 10;
        END;
    END CASE;
END WHILE;

REPEAT
    SET @i = @i - 1;
UNTIL @i <= 0 END REPEAT;

SELECT n = 21 AND extra = 'x;y' AS expect_true FROM migration_flags WHERE name = 'a';
SELECT @i = 0 AND @skipped = 'yes;' AS expect_true;

-- SQL-standard function and procedure bodies (PostgreSQL 14+): semicolons inside BEGIN ATOMIC ... END
CREATE TABLE audit (id int, note text);

CREATE FUNCTION sign_word(x int) RETURNS text
    LANGUAGE sql
    IMMUTABLE
BEGIN ATOMIC
    SELECT CASE
        WHEN x > 0 THEN 'positive;'
        WHEN x < 0 THEN CASE WHEN x < -100 THEN 'very negative' ELSE 'negative' END
        ELSE 'zero'
    END;
END;

CREATE OR REPLACE PROCEDURE record_twice(n int)
LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO audit VALUES (n, 'first; of two');
    INSERT INTO audit VALUES (n, CASE WHEN n > 1 THEN 'big' ELSE 'small' END);
END;

-- END as a word inside the body: in a string, a quoted identifier, a comment, CASE ... END nested twice, lower case
create table "end;s" ("end" text, "begin atomic" int);
create function ends_in(x int) returns int
    language sql
begin atomic
    insert into "end;s" values ('END;', x);   -- END; here ends nothing
    /* nor does this: END; */
    select count(*)::int from "end;s" where "end" = 'END;' and "begin atomic" = case when x > 0
        then case when x > 10 then x else x end
        else 0 end;
end;
SELECT ends_in(3) = 1 AS expect_true;
SELECT "end" = 'END;' AS expect_true FROM "end;s";

CALL record_twice(2);
SELECT sign_word(5) = 'positive;' AS expect_true;
SELECT sign_word(-500) = 'very negative' AS expect_true;
SELECT count(*) = 2 AS expect_true FROM audit;

-- an ordinary transaction block is still split at each semicolon
BEGIN;
INSERT INTO audit VALUES (3, 'in a transaction');
END;
SELECT count(*) = 3 AS expect_true FROM audit;

-- sqlite3's rule: CREATE [TEMP] TRIGGER ... ends only at "; END ;"
CREATE TABLE [order;s] (id INTEGER PRIMARY KEY, `total;` REAL, "state" TEXT);
CREATE TABLE audit (order_id INTEGER, what TEXT);

CREATE TRIGGER order_audit AFTER INSERT ON [order;s]
BEGIN
    INSERT INTO audit VALUES (new.id, CASE WHEN new.[total;] > 100 THEN 'big; order' ELSE 'small' END);
    UPDATE [order;s] SET "state" = 'seen;' WHERE id = new.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS order_delete BEFORE DELETE ON [order;s]
BEGIN
    SELECT CASE WHEN old.`total;` > 1000 THEN RAISE(ABORT, 'too big; keep it') END;
    INSERT INTO audit VALUES (old.id, 'deleted');
END;

INSERT INTO [order;s] (id, `total;`) VALUES (1, 150), (2, 5);
DELETE FROM [order;s] WHERE id = 2;
SELECT count(*) = 3 AS expect_true FROM audit;
SELECT what = 'big; order' AS expect_true FROM audit WHERE order_id = 1;
SELECT "state" = 'seen;' AS expect_true FROM [order;s] WHERE id = 1;

-- V49: seed of customer
SET @seed_name = 'first customer';
SET @insert = CONCAT('INSERT INTO customer (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO customer (name, amount, tags) VALUES ('second customer', 0, 'red,blue'), ('O''Brien customer', 99.99, '');

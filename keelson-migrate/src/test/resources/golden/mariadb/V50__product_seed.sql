-- V50: seed of product
SET @seed_name = 'first product';
SET @insert = CONCAT('INSERT INTO product (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO product (name, amount, tags) VALUES ('second product', 0, 'red,blue'), ('O''Brien product', 99.99, '');

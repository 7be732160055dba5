-- V51: seed of supplier
SET @seed_name = 'first supplier';
SET @insert = CONCAT('INSERT INTO supplier (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO supplier (name, amount, tags) VALUES ('second supplier', 0, 'red,blue'), ('O''Brien supplier', 99.99, '');

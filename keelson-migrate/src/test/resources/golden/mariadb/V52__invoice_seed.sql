-- V52: seed of invoice
SET @seed_name = 'first invoice';
SET @insert = CONCAT('INSERT INTO invoice (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO invoice (name, amount, tags) VALUES ('second invoice', 0, 'red,blue'), ('O''Brien invoice', 99.99, '');

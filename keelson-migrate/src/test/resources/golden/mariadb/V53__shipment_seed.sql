-- V53: seed of shipment
SET @seed_name = 'first shipment';
SET @insert = CONCAT('INSERT INTO shipment (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO shipment (name, amount, tags) VALUES ('second shipment', 0, 'red,blue'), ('O''Brien shipment', 99.99, '');

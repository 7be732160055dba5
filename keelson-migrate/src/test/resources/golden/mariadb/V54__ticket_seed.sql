-- V54: seed of ticket
SET @seed_name = 'first ticket';
SET @insert = CONCAT('INSERT INTO ticket (name, status, amount) VALUES (?, ''active'', 10.50)');
PREPARE seed FROM @insert;
EXECUTE seed USING @seed_name;
DEALLOCATE PREPARE seed;
INSERT INTO ticket (name, amount, tags) VALUES ('second ticket', 0, 'red,blue'), ('O''Brien ticket', 99.99, '');

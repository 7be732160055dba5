-- U54: seed of ticket
DELETE FROM ticket WHERE name IN ('first ticket', 'second ticket', 'O''Brien ticket');

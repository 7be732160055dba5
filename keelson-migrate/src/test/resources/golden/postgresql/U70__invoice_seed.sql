-- U70: seed of invoice
DELETE FROM invoice WHERE name IN ('first invoice', 'second invoice', 'O''Brien invoice');

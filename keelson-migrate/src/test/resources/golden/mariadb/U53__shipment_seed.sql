-- U53: seed of shipment
DELETE FROM shipment WHERE name IN ('first shipment', 'second shipment', 'O''Brien shipment');

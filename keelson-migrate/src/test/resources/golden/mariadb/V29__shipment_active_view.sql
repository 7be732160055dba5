-- V29: active view of shipment
CREATE VIEW shipment_active AS
    SELECT id, name, amount FROM shipment WHERE status = 'active';

-- V27: active view of supplier
CREATE VIEW supplier_active AS
    SELECT id, name, amount FROM supplier WHERE status = 'active';

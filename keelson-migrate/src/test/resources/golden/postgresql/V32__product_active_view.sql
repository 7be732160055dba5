-- V32: active view of product
CREATE VIEW product_active AS
    SELECT id, name, amount FROM product WHERE status = 'active';

-- V31: active view of customer
CREATE VIEW customer_active AS
    SELECT id, name, amount FROM customer WHERE status = 'active';

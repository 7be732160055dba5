-- V28: active view of invoice
CREATE VIEW invoice_active AS
    SELECT id, name, amount FROM invoice WHERE status = 'active';

-- U34: active view of invoice
DROP VIEW invoice_active;

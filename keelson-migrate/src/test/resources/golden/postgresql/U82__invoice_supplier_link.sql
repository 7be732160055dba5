-- U82: supplier link of invoice
DROP INDEX invoice_supplier_id_idx;
ALTER TABLE invoice DROP COLUMN supplier_id;

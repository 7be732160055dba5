-- U82: supplier link of invoice
ALTER TABLE invoice DROP FOREIGN KEY invoice_supplier_fk;
ALTER TABLE invoice DROP INDEX invoice_supplier_fk, DROP COLUMN supplier_id;

-- V82: supplier link of invoice
ALTER TABLE invoice ADD COLUMN supplier_id bigint REFERENCES supplier (id);
CREATE INDEX invoice_supplier_id_idx ON invoice (supplier_id);

-- V82: supplier link of invoice
ALTER TABLE invoice ADD COLUMN supplier_id bigint NULL,
    ADD CONSTRAINT invoice_supplier_fk FOREIGN KEY (supplier_id) REFERENCES supplier (id);

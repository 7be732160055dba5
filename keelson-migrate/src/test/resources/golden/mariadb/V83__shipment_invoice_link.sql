-- V83: invoice link of shipment
ALTER TABLE shipment ADD COLUMN invoice_id bigint NULL,
    ADD CONSTRAINT shipment_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoice (id);

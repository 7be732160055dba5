-- V83: invoice link of shipment
ALTER TABLE shipment ADD COLUMN invoice_id bigint REFERENCES invoice (id);
CREATE INDEX shipment_invoice_id_idx ON shipment (invoice_id);

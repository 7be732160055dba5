-- U83: invoice link of shipment
DROP INDEX shipment_invoice_id_idx;
ALTER TABLE shipment DROP COLUMN invoice_id;

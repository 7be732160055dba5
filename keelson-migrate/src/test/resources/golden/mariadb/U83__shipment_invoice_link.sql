-- U83: invoice link of shipment
ALTER TABLE shipment DROP FOREIGN KEY shipment_invoice_fk;
ALTER TABLE shipment DROP INDEX shipment_invoice_fk, DROP COLUMN invoice_id;
